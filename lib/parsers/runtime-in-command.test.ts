import { describe, expect, it } from "vitest";
import { namesKnownRuntime, runtimeInCommand, runtimeNameOf } from "./runtime-in-command";

describe("runtimeInCommand", () => {
  it.each([
    ["docker run --rm --runtime=runsc alpine true", "runsc", "docker run --rm --runtime={runtime} alpine true"],
    ["podman run --runtime crun --rm alpine true", "crun", "podman run --runtime {runtime} --rm alpine true"],
    [
      "ctr run --rm --runtime io.containerd.runsc.v1 docker.io/library/alpine:latest x true",
      "io.containerd.runsc.v1",
      "ctr run --rm --runtime {runtime} docker.io/library/alpine:latest x true",
    ],
    ["runc run --bundle /tmp/b x", "runc", "{runtime} run --bundle /tmp/b x"],
    ["runsc --platform=ptrace --network=none run --bundle /tmp/b x", "runsc-ptrace", "{runtime} run --bundle /tmp/b x"],
    ["sudo /usr/bin/runsc -platform kvm run --bundle b x", "runsc-kvm", "sudo {runtime} run --bundle b x"],
    [
      "kata-runtime run --bundle /tmp/b ctr-kata-runtime",
      "kata-runtime",
      "{runtime} run --bundle /tmp/b ctr-{runtime}",
    ],
    ["crun --root /run/c run --bundle /tmp/b ctr-crun", "crun", "{runtime} run --bundle /tmp/b ctr-{runtime}"],
  ])("%s: runtime %s, workload %s", (command, runtime, workload) => {
    expect(runtimeInCommand(command)).toEqual({ runtime, workload });
  });

  it.each(["docker run --rm alpine true", "fio --runtime=10 --name=x", "true", "sleep 0.01", "runc list"])(
    "finds no runtime in %s",
    (command) => expect(runtimeInCommand(command)).toBeUndefined(),
  );
});

describe("runtimeNameOf", () => {
  it("reads the program and gVisor's platform from a value that carries flags", () => {
    expect(runtimeNameOf("runsc --platform=ptrace --network=none")).toBe("runsc-ptrace");
    expect(runtimeNameOf("runc")).toBe("runc");
    expect(runtimeNameOf("crun --platform=x")).toBe("crun");
    expect(namesKnownRuntime("runsc --network=none")).toBe(true);
    expect(namesKnownRuntime("0.01")).toBe(false);
  });
});
