package io.edgetwin.simulator.twin.runtime;

import io.edgetwin.simulator.twin.DeviceTwin;
import io.edgetwin.simulator.twin.Twin;
import io.edgetwin.simulator.twin.TwinSpec;

/** Each twin a container of the local Docker engine ({@link DeviceTwin}); holds nothing of its own. */
public record DockerRuntime() implements TwinRuntime {

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public String hostAddress() {
        return EngineChoice.LOOPBACK;
    }

    /**
     * Connects the engine's client and checks the image is there before the first start is timed:
     * the first twin of a fleet would otherwise pay the client's start (its checks of the engine)
     * while the others wait behind it.
     */
    @Override
    public void prepare(String image) {
        DeviceTwin.prepare(image);
    }

    @Override
    public Twin start(TwinSpec spec) {
        return DeviceTwin.start(spec);
    }

    @Override
    public void close() {
        // every container is the twin's own and closes with it
    }
}
