package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A contract's YAML as a tree, with the line each path starts on (1-based). */
record YamlDocument(JsonNode root, Map<String, Integer> lines) {}
