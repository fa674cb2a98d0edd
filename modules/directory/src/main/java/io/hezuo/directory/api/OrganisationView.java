package io.hezuo.directory.api;

/** An organisation as other modules and screens see it. */
public record OrganisationView(
    long id, String name, String nameEn, String creditCode, String type, String city)
    implements java.io.Serializable {}
