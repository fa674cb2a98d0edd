package io.hezuo.submission.domain;

/** The attachments the lines ask for (G1, G4, G5) and others. */
public enum AttachmentKind {
  /** Signed cooperation agreement with IP ownership and commercialisation (A lines, G4). */
  COOPERATION_AGREEMENT,
  /** Recommendation letter of the aid headquarters (B lines, G5). */
  AID_HQ_LETTER,
  /** Agreement with the local partner in the aided region (B lines, G5). */
  LOCAL_PARTNER_AGREEMENT,
  /** Proof of the platform base and of the PI's membership (G1). */
  PLATFORM_PROOF,
  OTHER
}
