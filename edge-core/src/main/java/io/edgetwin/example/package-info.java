/**
 * Components written only against the AWS IoT Device SDK, as users write them for the Greengrass
 * nucleus: {@link io.edgetwin.example.GreengrassIpcExample} (recipe {@code com.edgetwin.GreengrassIpcExample}),
 * which runs unmodified on a twin's Greengrass IPC. Nothing here imports edgetwin code.
 */
package io.edgetwin.example;
