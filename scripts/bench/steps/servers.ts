import { LOOPBACK } from "../wait";
import type { ServerGroup, StepContext } from "./types";

// Servers run in the sandbox and are loaded by clients on the host over 127.0.0.1, as a
// service in a container is used from outside it. Each group starts its server once per
// repetition, runs its clients in order, and stops it.

const url = ({ port }: StepContext) => `http://${LOOPBACK}:${port}/`;

/** One worker, no access log, temp paths on the in-memory folder; config as in the wrk fixtures. */
function nginxConf({ paths, port }: StepContext): string {
  const tmp = paths.tmp;
  return `worker_processes 1;
daemon off;
pid ${tmp}/nginx.pid;
error_log ${tmp}/nginx-error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${tmp}/nginx-body;
  proxy_temp_path ${tmp}/nginx-proxy;
  fastcgi_temp_path ${tmp}/nginx-fastcgi;
  uwsgi_temp_path ${tmp}/nginx-uwsgi;
  scgi_temp_path ${tmp}/nginx-scgi;
  server {
    listen ${LOOPBACK}:${port};
    root ${paths.scratch}/nginx/html;
    location / { }
  }
}
`;
}

export const nginx: ServerGroup = {
  kind: "server",
  name: "nginx",
  cwd: "tmp",
  readyTimeoutS: 60,
  files: (ctx) => ({
    "nginx/nginx.conf": nginxConf(ctx),
    "nginx/html/index.html": "<html><body>hvscope</body></html>\n",
  }),
  // -e: nginx opens its compiled-in error log before reading the config; that path is read-only here.
  command: ({ paths }) => [
    "nginx",
    "-e",
    `${paths.tmp}/nginx-error.log`,
    "-p",
    `${paths.tmp}/`,
    "-c",
    `${paths.scratch}/nginx/nginx.conf`,
  ],
  clients: [
    {
      name: "nginx-wrk",
      ext: "txt",
      tool: "wrk",
      timeoutS: 60,
      command: (ctx) => ["wrk", "-t2", "-c16", "-d5s", "--latency", url(ctx)],
    },
    {
      name: "nginx-ab",
      ext: "txt",
      tool: "ab",
      timeoutS: 120,
      command: (ctx) => ["ab", "-n", "5000", "-c", "16", url(ctx)],
    },
  ],
};

export const redis: ServerGroup = {
  kind: "server",
  name: "redis",
  cwd: "tmp",
  readyTimeoutS: 60,
  files: () => ({}),
  command: ({ paths, port }) => [
    "redis-server",
    "--port",
    String(port),
    "--bind",
    LOOPBACK,
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    paths.tmp,
    "--daemonize",
    "no",
  ],
  clients: [
    {
      name: "redis-benchmark",
      ext: "csv",
      tool: "redis-benchmark",
      timeoutS: 120,
      command: ({ port }) => [
        "redis-benchmark",
        "-h",
        LOOPBACK,
        "-p",
        String(port),
        "-n",
        "20000",
        "-t",
        "set,get",
        "-c",
        "20",
        "--csv",
      ],
    },
  ],
};

const SBTEST_SQL = `CREATE DATABASE IF NOT EXISTS sbtest;
CREATE USER IF NOT EXISTS 'sbtest'@'${LOOPBACK}' IDENTIFIED BY 'sbtest';
GRANT ALL ON sbtest.* TO 'sbtest'@'${LOOPBACK}';
`;

const sysbenchMysql = ({ port }: StepContext) => [
  "--db-driver=mysql",
  `--mysql-host=${LOOPBACK}`,
  `--mysql-port=${port}`,
  "--mysql-user=sbtest",
  "--mysql-password=sbtest",
  "--mysql-db=sbtest",
  "--tables=2",
  "--table-size=10000",
];

/**
 * A fresh data folder on the scratch disk per start. Native AIO is off for every runtime:
 * MariaDB's io_uring aborts under gVisor 2022, and one configuration must serve all.
 */
export const mariadb: ServerGroup = {
  kind: "server",
  name: "mariadb",
  cwd: "tmp",
  readyTimeoutS: 120,
  files: () => ({ "mariadb/init.sql": SBTEST_SQL }),
  command: ({ paths, port }) => {
    const data = `${paths.scratch}/mariadb/data`;
    const common = `--no-defaults --datadir=${data} --innodb-use-native-aio=0`;
    return [
      "sh",
      "-c",
      `rm -rf ${data} && mariadb-install-db ${common} --auth-root-authentication-method=normal --skip-test-db > ${paths.tmp}/mariadb-install.log 2>&1 ` +
        `|| { cat ${paths.tmp}/mariadb-install.log >&2; exit 1; }; ` +
        `exec mariadbd ${common} --user=root --bind-address=${LOOPBACK} --port=${port} --socket=${paths.tmp}/mysqld.sock ` +
        `--pid-file=${paths.tmp}/mysqld.pid --init-file=${paths.scratch}/mariadb/init.sql --innodb-buffer-pool-size=128M`,
    ];
  },
  readyProbe: ({ port }) => [
    "mariadb",
    "--protocol=tcp",
    "-h",
    LOOPBACK,
    "-P",
    String(port),
    "-u",
    "sbtest",
    "-psbtest",
    "-e",
    "SELECT 1",
    "sbtest",
  ],
  setup: (ctx) => [["sysbench", "oltp_read_write", ...sysbenchMysql(ctx), "prepare"]],
  clients: [
    {
      name: "mariadb-oltp-read-write",
      ext: "txt",
      tool: "sysbench",
      timeoutS: 120,
      command: (ctx) => ["sysbench", "oltp_read_write", ...sysbenchMysql(ctx), "--time=5", "run"],
    },
    {
      name: "mariadb-oltp-point-select",
      ext: "txt",
      tool: "sysbench",
      timeoutS: 120,
      command: (ctx) => ["sysbench", "oltp_point_select", ...sysbenchMysql(ctx), "--time=5", "run"],
    },
  ],
};

/** The runtime's path into the sandbox: runc without a network namespace, gVisor with --network=host. */
export const iperf3HostToSandbox: ServerGroup = {
  kind: "server",
  name: "iperf3-server",
  cwd: "tmp",
  readyTimeoutS: 60,
  files: () => ({}),
  // One test per server: a fresh server for every client run.
  command: ({ port }) => ["iperf3", "-s", "-1", "-B", LOOPBACK, "-p", String(port)],
  // Seen on this project's machines: under runsc 2022 with --network=host, iperf3's control
  // socket gets EAGAIN on blocking reads ("Size of data read does not correspond to offered
  // length", "unable to receive parameters/results"), and most runs fail, in either direction.
  unsupportedOn: ({ label, version }) =>
    label.startsWith("runsc-") && version?.includes("2022")
      ? `gVisor ${version}'s host network (hostinet) breaks iperf3's control connection at random; the in-sandbox iperf3 step measures gVisor's network instead`
      : undefined,
  clients: [
    {
      name: "iperf3-host-to-sandbox",
      ext: "json",
      tool: "iperf3",
      timeoutS: 60,
      workload: "iperf3 tcp P=1 host client to a server in the sandbox",
      command: ({ port }) => ["iperf3", "-c", LOOPBACK, "-p", String(port), "-t", "3", "-J"],
    },
  ],
};
