package io.edgetwin.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InferenceComponentTest {

    private final Classifier cnn = Classifier.load(TrainedModels.dir("defect-cnn"));
    private final Responder responder = new Responder(cnn, Clock.systemUTC(), System::nanoTime);
    private final BlockingQueue<Responder.Reply> replies = new LinkedBlockingQueue<>();
    private final List<Thread> replyThreads = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        cnn.close();
    }

    @Test
    void withoutBatchingEachRequestIsAnsweredOnTheDeliveryThreadBeforeTheNextArrives() {
        float[] image = PartImages.seeded(1).image(PartImages.DENT);
        try (InferenceComponent component = component(1, Duration.ZERO)) {
            component.request(ResponderTest.request("cloud", "1", image));

            Responder.Reply reply = replies.poll();

            assertEquals("1", ResponderTest.json(reply).path("id").asText());
            assertSame(Thread.currentThread(), replyThreads.get(0));
        }
    }

    @Test
    void batchedAnswersKeepArrivalOrderAndMatchSinglePredictions() throws InterruptedException {
        List<float[]> images = ClassifierTest.inputs("defect-cnn", 30);
        List<Responder.Reply> received = new ArrayList<>();

        try (InferenceComponent component = component(8, Duration.ofMillis(5))) {
            for (int i = 0; i < images.size(); i++) {
                String source = i % 3 == 0 ? "local" : "cloud";
                component.request(ResponderTest.request(source, Integer.toString(i), images.get(i)));
            }
            for (int i = 0; i < images.size(); i++) {
                Responder.Reply reply = replies.poll(10, TimeUnit.SECONDS);
                if (reply == null) {
                    throw new AssertionError("only " + i + " of " + images.size() + " answers arrived");
                }
                received.add(reply);
            }
        }

        for (int i = 0; i < images.size(); i++) {
            assertEquals(Integer.toString(i), ResponderTest.json(received.get(i)).path("id").asText());
            assertEquals(i % 3 == 0 ? "local" : "cloud", received.get(i).source());
            assertEquals(cnn.predict(images.get(i)).label(),
                    ResponderTest.json(received.get(i)).path("inference-results").get(0).path("Label").asText(), "request " + i);
        }
    }

    private InferenceComponent component(int maxBatchSize, Duration maxBatchWait) {
        return new InferenceComponent(responder, reply -> {
            replyThreads.add(Thread.currentThread());
            replies.add(reply);
        }, new InferenceOptions(OptionalInt.empty(), maxBatchSize, maxBatchWait));
    }
}
