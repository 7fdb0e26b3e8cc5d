import type { Category } from "@/lib/categories";

// stress-ng 0.15 stressor names (`stress-ng --stressors`) grouped by the resource they load.
// Anything not listed is a CPU-bound computation (cpu, matrix, hash, qsort, vecmath...).
const GROUPS: [Category, string[]][] = [
  [
    "memory",
    ["vm", "vm-addr", "vm-rw", "vm-segv", "vm-splice", "memcpy", "memrate", "memthrash", "memfd", "memhotplug",
      "stream", "mmap", "mmapaddr", "mmapfixed", "mmapfork", "mmaphuge", "mmapmany", "mremap", "madvise", "malloc",
      "brk", "bigheap", "stack", "stackmmap", "cache", "numa", "pageswap", "physpage", "remap", "shm", "shm-sysv",
      "tlb-shootdown", "userfaultfd", "mlock", "mlockmany", "msync", "msyncmany", "mprotect", "lockbus", "ramfs", "tmpfs",
      "munmap", "mincore", "pagemove", "secretmem", "rmap", "swap", "l1cache", "cacheline", "prefetch", "flushcache"],
  ],
  [
    "disk",
    ["hdd", "iomix", "io", "aio", "aiol", "io-uring", "seek", "readahead", "fallocate", "sync-file", "fiemap", "dir",
      "dirdeep", "dirmany", "dentry", "filename", "open", "rename", "link", "symlink", "chmod", "chown", "utime",
      "flock", "lockf", "fcntl", "fsize", "fpunch", "copy-file", "xattr", "getdent", "inode-flags", "ioprio", "verity",
      "chattr", "file-ioctl", "lease", "locka", "lockofd", "revio", "touch"],
  ],
  [
    "network",
    ["sock", "sockabuse", "sockdiag", "sockfd", "sockmany", "sockpair", "udp", "udp-flood", "dccp", "sctp",
      "icmp-flood", "rawsock", "rawudp", "rawpkt", "netdev", "netlink-proc", "netlink-task", "ping-sock", "sendfile"],
  ],
  [
    "syscall",
    ["syscall", "x86syscall", "get", "null", "zero", "full", "kill", "switch", "futex", "pipe", "pipeherd", "sem",
      "sem-sysv", "clone", "fork", "vfork", "vforkmany", "exec", "sigsegv", "sigpipe", "sigq", "signal", "vdso", "prctl",
      "personality", "set", "env", "rlimit", "sysinfo", "sysfs", "procfs", "poll", "epoll", "eventfd", "timer",
      "timerfd", "clock", "context", "mq", "msg", "tee", "splice", "yield", "pidfd", "ptrace", "seccomp", "dev",
      "dev-shm", "close", "dup", "handle", "inotify", "fanotify", "loadavg", "nice", "schedpolicy", "urandom", "access",
      "chdir", "fstat", "getrandom", "enosys", "sysbadaddr", "sysinval", "usersyscall", "nanosleep", "spawn", "forkheavy",
      "exit-group", "kcmp", "key", "mknod", "fifo", "sigchld", "sigfd", "sigpending", "sigrt", "sigsuspend"],
  ],
];

const CATEGORY_OF = new Map(GROUPS.flatMap(([category, names]) => names.map((name) => [name, category] as const)));

export function stressorCategory(stressor: string): Category {
  return CATEGORY_OF.get(stressor) ?? "cpu";
}
