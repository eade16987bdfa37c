using System.Net.Http.Json;
using K8sCertOperator.IntegrationTests.Infrastructure;

namespace K8sCertOperator.IntegrationTests.Fixtures;

/// <summary>
/// A pebble-challtestsrv used as Pebble's DNS server: A queries answer 127.0.0.1 and TXT records
/// for DNS-01 are set over its management API. HTTP/TLS challenge servers are disabled.
/// </summary>
public sealed class ChallTestSrvFixture : IAsyncLifetime, IAsyncDisposable
{
    private readonly HttpClient _management = new() { Timeout = TimeSpan.FromSeconds(30) };
    private ExternalProcess? _process;

    /// <summary>Why the fixture did not start (binary missing), or null.</summary>
    public string? SkipReason { get; private set; } = ExternalTool.MissingReason("pebble-challtestsrv", "pebble");

    public int DnsPort { get; private set; }

    public int ManagementPort { get; private set; }

    /// <summary>host:port for pebble -dnsserver.</summary>
    public string DnsServer => $"127.0.0.1:{DnsPort}";

    public Uri ManagementUrl => new($"http://127.0.0.1:{ManagementPort}/");

    public string Output => _process?.Output ?? string.Empty;

    /// <summary>Starts a new instance (or returns one with <see cref="SkipReason"/> set).</summary>
    public static async Task<ChallTestSrvFixture> StartAsync(CancellationToken cancellationToken)
    {
        var fixture = new ChallTestSrvFixture();
        await fixture.StartCoreAsync(cancellationToken).ConfigureAwait(false);
        return fixture;
    }

    public Task InitializeAsync() => StartCoreAsync(CancellationToken.None);

    /// <summary>Adds a TXT value for <paramref name="host"/> (FQDN, trailing dot optional); values accumulate.</summary>
    public Task SetTxtAsync(string host, string value, CancellationToken cancellationToken) =>
        PostAsync("set-txt", new HostValue(Fqdn(host), value), cancellationToken);

    /// <summary>Removes every TXT value of <paramref name="host"/>.</summary>
    public Task ClearTxtAsync(string host, CancellationToken cancellationToken) =>
        PostAsync("clear-txt", new HostValue(Fqdn(host), null), cancellationToken);

    /// <summary>Answers A queries for <paramref name="host"/> with the given addresses.</summary>
    public Task AddARecordAsync(string host, IReadOnlyList<string> addresses, CancellationToken cancellationToken) =>
        PostAsync("add-a", new HostAddresses(Fqdn(host), addresses), cancellationToken);

    public async Task DisposeAsync() => await ((IAsyncDisposable)this).DisposeAsync().ConfigureAwait(false);

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
            _process = null;
        }
        _management.Dispose();
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        if (SkipReason is not null || _process is not null)
        {
            return;
        }
        // A port taken between FreePort.Next() and the bind makes the process exit: retry on new ports.
        for (var attempt = 1; ; attempt++)
        {
            DnsPort = FreePort.Next();
            ManagementPort = FreePort.Next();
            _process = ExternalProcess.Start(ExternalTool.Find("pebble-challtestsrv")!,
            [
                "-dns01", DnsServer, "-http01", "", "-https01", "", "-tlsalpn01", "",
                "-management", $"127.0.0.1:{ManagementPort}", "-defaultIPv4", "127.0.0.1", "-defaultIPv6", "",
            ]);
            try
            {
                await _process.WaitForTcpAsync(ManagementPort, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
                await _process.WaitForTcpAsync(DnsPort, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or OperationCanceledException)
            {
                await _process.DisposeAsync().ConfigureAwait(false);
                _process = null;
                if (attempt >= 3 || e is OperationCanceledException)
                {
                    throw;
                }
            }
        }
    }

    private async Task PostAsync<T>(string path, T body, CancellationToken cancellationToken)
    {
        using var response = await _management.PostAsJsonAsync(new Uri(ManagementUrl, path), body, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException($"challtestsrv /{path} answered {(int)response.StatusCode}: {text}");
        }
    }

    private static string Fqdn(string host) => host.EndsWith('.') ? host : host + ".";

    private sealed record HostValue(
        [property: System.Text.Json.Serialization.JsonPropertyName("host")] string Host,
        [property: System.Text.Json.Serialization.JsonPropertyName("value")] string? Value);

    private sealed record HostAddresses(
        [property: System.Text.Json.Serialization.JsonPropertyName("host")] string Host,
        [property: System.Text.Json.Serialization.JsonPropertyName("addresses")] IReadOnlyList<string> Addresses);
}
