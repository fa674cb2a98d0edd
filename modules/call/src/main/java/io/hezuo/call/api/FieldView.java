package io.hezuo.call.api;

import java.io.Serializable;

/** An A3 field, in its partner group (Belt and Road countries; the USA, Europe and others). */
public record FieldView(String groupCode, Text groupName, String code, Text name)
    implements Serializable {}
