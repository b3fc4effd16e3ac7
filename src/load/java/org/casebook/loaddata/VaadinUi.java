package org.casebook.loaddata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One browser tab's Vaadin Flow UI as the load test's virtual user holds it: the ids the server gave it
 * ({@code v-uiId}, the security key sent back as {@code csrfToken}, the last {@code syncId}, the next
 * {@code clientId}) and a mirror of the server's state tree (tags, properties, children, text), built from the
 * {@code changes} of each response, so that events can be addressed to the node of a button or a field as the
 * Flow client addresses them.
 *
 * <p>The message shapes are Flow's client protocol: {@code POST ?v-r=uidl&v-uiId=N} with
 * {@code {"csrfToken", "rpc": [...], "syncId", "clientId"}}; responses are {@code for(;;);[{...}]}. Node
 * features by index: 0 element data (tag), 1 properties, 2 children, 7 text.
 */
final class VaadinUi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int PROPERTIES = 1;

    /** A node of the mirrored tree. */
    static final class Node {
        final int id;
        String tag = "";
        String text;
        final Map<String, JsonNode> properties = new HashMap<>();
        final List<Integer> children = new ArrayList<>();

        Node(int id) {
            this.id = id;
        }
    }

    private final Map<Integer, Node> nodes = new HashMap<>();
    private int uiId = -1;
    private String securityKey;
    private int syncId = -1;
    private int clientId;

    /** Reads the answer to {@code ?v-r=init}: the UI id, the security key and the first state. */
    void init(String body) {
        try {
            var root = JSON.readTree(body);
            var config = root.has("appConfig") ? root.get("appConfig") : root;
            uiId = config.path("v-uiId").asInt(-1);
            var uidl = config.path("uidl");
            if (uidl.isTextual()) {
                uidl = JSON.readTree(uidl.asText());
            }
            if (uiId < 0 || uidl.isMissingNode()) {
                throw new IllegalStateException("no UI in the bootstrap answer");
            }
            nodes.clear();
            clientId = 0;
            apply(uidl);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the bootstrap answer is not JSON", e);
        }
    }

    int uiId() {
        return uiId;
    }

    /** The body of the next UIDL request, carrying these RPC invocations; counts the client id on. */
    String message(JsonNode... rpc) {
        var message = NODES.objectNode();
        message.put("csrfToken", securityKey);
        ArrayNode calls = message.putArray("rpc");
        for (var call : rpc) {
            calls.add(call);
        }
        message.put("syncId", syncId);
        message.put("clientId", clientId++);
        return message.toString();
    }

    /** Reads a UIDL response ({@code for(;;);[{...}]}); fails on a session expiry or an application error. */
    void read(String body) {
        var json = body.startsWith("for(;;);") ? body.substring("for(;;);".length()) : body;
        try {
            var root = JSON.readTree(json);
            var uidl = root.isArray() ? root.get(0) : root;
            if (uidl.path("meta").path("sessionExpired").asBoolean(false)) {
                throw new IllegalStateException("the session expired");
            }
            if (uidl.path("meta").has("appError")) {
                throw new IllegalStateException("application error: " + uidl.path("meta").path("appError"));
            }
            apply(uidl);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the UIDL answer is not JSON", e);
        }
    }

    private void apply(JsonNode uidl) {
        if (uidl.has("Vaadin-Security-Key")) {
            securityKey = uidl.get("Vaadin-Security-Key").asText();
        }
        if (uidl.has("syncId")) {
            syncId = uidl.get("syncId").asInt();
        }
        if (uidl.has("clientId")) {
            clientId = uidl.get("clientId").asInt();
        }
        for (var change : uidl.path("changes")) {
            int id = change.path("node").asInt();
            switch (change.path("type").asText()) {
                case "attach" -> nodes.put(id, new Node(id));
                case "detach" -> nodes.remove(id);
                case "put" -> {
                    var node = nodes.computeIfAbsent(id, Node::new);
                    var key = change.path("key").asText();
                    var value = change.get("value");
                    if (key.equals("tag") && value != null) {
                        node.tag = value.asText();
                    } else if (key.equals("text") && value != null) {
                        node.text = value.asText();
                    } else if (value != null) {
                        // properties (feature 1) and attributes alike: enough to recognise a labelled field
                        node.properties.put(key, value);
                    }
                }
                case "splice" -> {
                    var node = nodes.computeIfAbsent(id, Node::new);
                    if (change.path("feat").asInt() != 2) {
                        break;
                    }
                    int index = Math.min(change.path("index").asInt(), node.children.size());
                    int remove = Math.min(change.path("remove").asInt(0), node.children.size() - index);
                    for (int i = 0; i < remove; i++) {
                        node.children.remove(index);
                    }
                    var added = new ArrayList<Integer>();
                    for (var child : change.path("addNodes")) {
                        added.add(child.asInt());
                    }
                    node.children.addAll(index, added);
                }
                case "clear" -> {
                    var node = nodes.get(id);
                    if (node != null && change.path("feat").asInt() == 2) {
                        node.children.clear();
                    }
                }
                default -> {
                    // "remove" of a map key and other changes do not matter for finding nodes
                }
            }
        }
    }

    /** The text of a node's own text children, as a button or heading shows it. */
    String text(Node node) {
        var text = new StringBuilder();
        for (int child : node.children) {
            var childNode = nodes.get(child);
            if (childNode != null && childNode.text != null) {
                text.append(childNode.text);
            }
        }
        return text.toString().strip();
    }

    Optional<Node> find(String tag, Predicate<Node> test) {
        return nodes.values().stream().filter(node -> node.tag.equals(tag) && test.test(node))
                .min(java.util.Comparator.comparingInt(node -> node.id));
    }

    Node button(String label) {
        return find("vaadin-button", node -> text(node).equals(label))
                .orElseThrow(() -> new IllegalStateException("no button '" + label + "' on the page"));
    }

    Node field(String tag, String label) {
        return find(tag, node -> label.equals(node.properties.getOrDefault("label", NODES.nullNode()).asText()))
                .orElseThrow(() -> new IllegalStateException("no " + tag + " '" + label + "' on the page"));
    }

    /** Whether some heading or paragraph on the page shows this text (an error or refusal page, say). */
    boolean shows(String text) {
        return nodes.values().stream().anyMatch(node -> node.text != null && node.text.contains(text));
    }

    /** A router-link navigation, as the Flow client sends for a click on a menu entry or link. */
    static JsonNode navigation(String baseUrl, String location) {
        ObjectNode call = NODES.objectNode();
        call.put("type", "navigation");
        call.put("location", location);
        var state = call.putObject("state");
        state.put("href", baseUrl + "/" + location);
        state.put("scrollPositionX", 0);
        state.put("scrollPositionY", 0);
        call.put("link", 1);
        return call;
    }

    /**
     * The event the Flow client fires on the UI (node 1) after the bootstrap, so that the server navigates to
     * the first route; its data keys are the ones the bootstrap's listener constants list.
     */
    static JsonNode uiNavigate(String route) {
        ObjectNode call = NODES.objectNode();
        call.put("type", "event");
        call.put("node", 1);
        call.put("event", "ui-navigate");
        var data = call.putObject("data");
        data.put("route", route);
        data.put("query", "");
        data.put("appShellTitle", "");
        data.putNull("historyState");
        data.put("trigger", "");
        return call;
    }

    /** A property synchronised from the browser (a field's typed value). */
    static JsonNode sync(Node node, String property, String value) {
        ObjectNode call = NODES.objectNode();
        call.put("type", "mSync");
        call.put("node", node.id);
        call.put("feature", PROPERTIES);
        call.put("property", property);
        call.put("value", value);
        return call;
    }

    /** A DOM event on a node; for a click, the event data a browser's click listener sends. */
    static JsonNode event(Node node, String type) {
        ObjectNode call = NODES.objectNode();
        call.put("type", "event");
        call.put("node", node.id);
        call.put("event", type);
        var data = call.putObject("data");
        if (type.equals("click")) {
            for (var key : List.of("event.screenX", "event.screenY", "event.clientX", "event.clientY",
                    "event.detail", "event.button")) {
                data.put(key, key.equals("event.detail") ? 1 : 0);
            }
            for (var key : List.of("event.ctrlKey", "event.shiftKey", "event.altKey", "event.metaKey")) {
                data.put(key, false);
            }
        }
        return call;
    }
}
