package io.hezuo.call.api;

import java.io.Serializable;

/** An aided region of a B line (对口范围). */
public record RegionView(String code, Text name) implements Serializable {}
