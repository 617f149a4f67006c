package io.edgetwin.simulator.cloud;

import java.util.List;

/** The result of one deployment to a group of twins: every twin's job, in rollout order. */
public record Rollout(String deploymentId, List<TwinJob> jobs) {

    public Rollout {
        jobs = List.copyOf(jobs);
    }

    public boolean succeeded() {
        return jobs.stream().allMatch(j -> j.status() == JobStatus.SUCCEEDED);
    }

    public TwinJob job(String thing) {
        return jobs.stream().filter(j -> j.thing().equals(thing)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no job for twin " + thing + " in " + deploymentId));
    }
}
