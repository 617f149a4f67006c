package io.edgetwin.mqtt;

import java.io.IOException;

/**
 * Why a connection, a publish or a subscription did not work, said in words: a refused CONNECT or
 * SUBSCRIBE, a lost connection, a malformed packet, a timeout.
 */
public class MqttFailure extends IOException {

    public MqttFailure(String message) {
        super(message);
    }

    public MqttFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** The broker answered CONNECT with a non-zero CONNACK return code. */
    static MqttFailure refusedConnect(int code, String clientId) {
        String why = switch (code) {
            case 1 -> "unacceptable protocol version (the broker does not speak MQTT 3.1.1)";
            case 2 -> "client id '" + clientId + "' rejected";
            case 3 -> "server unavailable";
            case 4 -> "bad user name or password";
            case 5 -> "not authorized (check the device certificate and the broker's ACL)";
            default -> "unknown return code";
        };
        return new MqttFailure("the broker refused the connection: CONNACK " + code + ", " + why);
    }
}
