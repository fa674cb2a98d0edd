package io.hezuo.web.menu;

/** One entry of a role's menu: a stable id (for tests), a message key and the view it opens. */
public record MenuItem(String id, String labelKey, String outcome) {}
