/** What {@link nginxConfig} writes. */
export interface NginxConfigOptions {
  /** The directory nginx keeps its pid, logs and temp files in. */
  readonly dir: string;
  /** The port the balancer listens on (127.0.0.1). */
  readonly port: number;
  /** The instances' ports (127.0.0.1), served in round-robin. */
  readonly upstreams: readonly number[];
  /** Run workers as root (when nginx itself runs as root, so they may write `dir`). */
  readonly root: boolean;
}

/**
 * An nginx configuration for the example cluster: a foreground nginx
 * (`daemon off`) on loopback, balancing round-robin over the instances with
 * no stickiness, streaming SSE unbuffered, and trying the next instance when
 * one refuses the connection (a crashed instance).
 */
export const nginxConfig = (options: NginxConfigOptions): string => {
  const { dir } = options;
  return `daemon off;
${options.root ? 'user root;\n' : ''}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream mcpkit {
${options.upstreams.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=2s;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${options.port};
    location / {
      proxy_pass http://mcpkit;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      # SSE: every event goes out as it is written.
      proxy_buffering off;
      proxy_cache off;
      proxy_read_timeout 1h;
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
    }
  }
}
`;
};
