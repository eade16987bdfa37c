using System.Net.Sockets;

namespace K8sCertOperator.IntegrationTests.Cluster;

/// <summary>Decides whether a Docker engine answers, so container tiers skip with a reason instead of failing.</summary>
public static class DockerProbe
{
    /// <summary>Null when <c>/_ping</c> answers OK; otherwise why no engine is reachable.</summary>
    public static async Task<string?> UnreachableReasonAsync(CancellationToken cancellationToken)
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        string endpoint;
        HttpClient http;
        if (string.IsNullOrWhiteSpace(host) || host.StartsWith("unix://", StringComparison.Ordinal))
        {
            var socket = string.IsNullOrWhiteSpace(host) ? "/var/run/docker.sock" : host["unix://".Length..];
            if (!File.Exists(socket))
            {
                return $"no Docker engine reachable: {socket} does not exist and DOCKER_HOST {(string.IsNullOrWhiteSpace(host) ? "is unset" : "points at it")}";
            }
            endpoint = socket;
            http = new HttpClient(new SocketsHttpHandler
            {
                ConnectCallback = async (_, token) =>
                {
                    var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await unix.ConnectAsync(new UnixDomainSocketEndPoint(socket), token).ConfigureAwait(false);
                    return new NetworkStream(unix, ownsSocket: true);
                },
            })
            { BaseAddress = new Uri("http://docker/") };
        }
        else if (host.StartsWith("tcp://", StringComparison.Ordinal))
        {
            endpoint = host;
            http = new HttpClient { BaseAddress = new Uri("http://" + host["tcp://".Length..].TrimEnd('/') + "/") };
        }
        else
        {
            return $"no Docker engine reachable: unsupported DOCKER_HOST '{host}'";
        }

        using (http)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                var answer = await http.GetStringAsync(new Uri("_ping", UriKind.Relative), timeout.Token).ConfigureAwait(false);
                return answer.Trim() == "OK" ? null : $"no Docker engine reachable: {endpoint} answered /_ping with '{answer.Trim()}'";
            }
            catch (Exception failure) when (failure is HttpRequestException or SocketException or OperationCanceledException)
            {
                return $"no Docker engine reachable: {endpoint}: {failure.Message}";
            }
        }
    }
}
