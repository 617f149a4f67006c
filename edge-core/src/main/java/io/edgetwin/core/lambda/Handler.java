package io.edgetwin.core.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * A loaded Lambda handler, called with the event's bytes. A {@link RequestStreamHandler} gets the bytes
 * as they came; a {@link RequestHandler} gets them as its input type: {@code byte[]} as they are, anything
 * else read from JSON with Jackson (a {@code String} input takes a JSON string, or the text as it is when
 * the event is not one). Its result is written as JSON, except {@code byte[]} (as it is) and null (empty).
 */
sealed interface Handler {

    byte[] invoke(byte[] event, Context context) throws Exception;

    /**
     * Loads {@code className} through {@code loader} and creates it with its public no-argument constructor.
     *
     * @throws ReflectiveOperationException when the class cannot be loaded or created
     * @throws IllegalArgumentException     when it implements neither handler interface
     */
    static Handler load(String className, ClassLoader loader) throws ReflectiveOperationException {
        Class<?> type = Class.forName(className, true, loader);
        Object instance = type.getConstructor().newInstance();
        if (instance instanceof RequestStreamHandler stream) {
            return new Stream(stream);
        }
        if (instance instanceof RequestHandler<?, ?> request) {
            @SuppressWarnings("unchecked")
            RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) request;
            Json.warmUp();
            return new Request(handler, inputType(type));
        }
        throw new IllegalArgumentException(notAHandler(className));
    }

    /** Checks what {@link #load} would need without running any of the class's code. */
    static void check(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("handler class '" + className + "' is not on the function's classpath ("
                    + e + ")");
        }
        if (!RequestHandler.class.isAssignableFrom(type) && !RequestStreamHandler.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(notAHandler(className));
        }
        try {
            type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("handler class '" + className + "' has no public constructor without arguments");
        }
    }

    private static String notAHandler(String className) {
        return "handler class '" + className + "' implements neither " + RequestHandler.class.getName() + " nor "
                + RequestStreamHandler.class.getName();
    }

    /** The {@code I} of {@code RequestHandler<I, O>} on the class or a superclass; Object when erased. */
    private static Class<?> inputType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    Type input = p.getActualTypeArguments()[0];
                    if (input instanceof Class<?> k) {
                        return k;
                    }
                    if (input instanceof ParameterizedType pi) {
                        return (Class<?>) pi.getRawType();
                    }
                }
            }
        }
        return Object.class;
    }

    /** A {@link RequestStreamHandler}: bytes in, bytes out. */
    record Stream(RequestStreamHandler handler) implements Handler {
        @Override
        public byte[] invoke(byte[] event, Context context) throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), out, context);
            return out.toByteArray();
        }
    }

    /** A {@link RequestHandler} with its input type. */
    record Request(RequestHandler<Object, Object> handler, Class<?> input) implements Handler {
        @Override
        public byte[] invoke(byte[] event, Context context) throws Exception {
            Object result = handler.handleRequest(convert(event), context);
            if (result == null) {
                return new byte[0];
            }
            return result instanceof byte[] bytes ? bytes : Json.MAPPER.writeValueAsBytes(result);
        }

        private Object convert(byte[] event) throws java.io.IOException {
            if (input == byte[].class) {
                return event;
            }
            if (input == String.class) {
                String text = new String(event, java.nio.charset.StandardCharsets.UTF_8);
                return text.startsWith("\"") ? Json.MAPPER.readValue(event, String.class) : text;
            }
            return Json.MAPPER.readValue(event, input);
        }
    }

    /**
     * Jackson, loaded and used once while the instance starts (a {@link RequestStreamHandler}'s instance
     * never loads it), so a first invocation's timeout is not spent loading the runtime's own classes.
     */
    final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();

        private Json() {
        }

        static void warmUp() {
            try {
                MAPPER.writeValueAsBytes(MAPPER.readValue("{\"warm\": [1, \"up\"]}", java.util.Map.class));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Jackson cannot read its own warm-up", e);
            }
        }
    }
}
