package io.hezuo.recommendation.web;

import java.io.Serializable;

/** A line of the current call for a filter: its code and its label in the user's language. */
public record LineChoice(String code, String label) implements Serializable {}
