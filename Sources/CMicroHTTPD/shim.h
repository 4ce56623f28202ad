// GNU libmicrohttpd from Debian's libmicrohttpd-dev.
#include <stdarg.h>
#include <stdint.h>
#include <sys/socket.h>
#include <microhttpd.h>

// The limits a daemon is started with; all counts in the units libmicrohttpd takes.
struct cmhd_limits {
    size_t connection_memory_limit;     // bytes per connection, which bounds the request header
    unsigned int connection_limit;      // connections at once
    unsigned int per_ip_connection_limit;
    unsigned int connection_timeout;    // seconds of inactivity before a connection is closed
};

// MHD_start_daemon is variadic, which Swift cannot call: this fixed-argument wrapper passes
// the options the server uses. `address` decides the interface (and IPv4 or IPv6 by its family).
static inline struct MHD_Daemon *cmhd_start(
    unsigned int flags, const struct sockaddr *address,
    MHD_AccessHandlerCallback handler, void *handler_context,
    MHD_RequestCompletedCallback completed, void *completed_context,
    struct cmhd_limits limits)
{
    return MHD_start_daemon(
        flags, 0, NULL, NULL, handler, handler_context,
        MHD_OPTION_SOCK_ADDR, address,
        MHD_OPTION_NOTIFY_COMPLETED, completed, completed_context,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, limits.connection_memory_limit,
        MHD_OPTION_CONNECTION_LIMIT, limits.connection_limit,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, limits.per_ip_connection_limit,
        MHD_OPTION_CONNECTION_TIMEOUT, limits.connection_timeout,
        MHD_OPTION_END);
}

// MHD_get_daemon_info is variadic too; this returns the port actually bound (for port 0).
static inline uint16_t cmhd_bound_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}
