using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.IntegrationTests.Infrastructure;

namespace K8sCertOperator.IntegrationTests.Fixtures;

/// <summary>
/// A real Pebble ACME server on loopback with its own challtestsrv (DNS) and HTTP-01 responder.
/// Use as an xunit class fixture (default options; derive to change them) or per test via
/// <see cref="StartAsync"/>. Tests must <c>Skip.If(fixture.SkipReason != null, fixture.SkipReason)</c>.
/// </summary>
public class PebbleFixture : IAsyncLifetime, IAsyncDisposable
{
    private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), "pebble-" + Guid.NewGuid().ToString("N"));
    private ExternalProcess? _process;
    private ChallTestSrvFixture? _challTestSrv;
    private PebbleHttp01Responder? _http01;
    private HttpClient? _managementClient;

    public PebbleFixture()
        : this(new PebbleOptions())
    {
    }

    protected PebbleFixture(PebbleOptions options)
    {
        Options = options;
        SkipReason = ExternalTool.MissingReason("pebble", "pebble") ?? ExternalTool.MissingReason("pebble-challtestsrv", "pebble");
    }

    public PebbleOptions Options { get; }

    /// <summary>Why Pebble was not started (binary missing), or null.</summary>
    public string? SkipReason { get; }

    public int ListenPort { get; private set; }

    public int ManagementPort { get; private set; }

    /// <summary>Port Pebble's VA connects to for HTTP-01; <see cref="Http01"/> listens there.</summary>
    public int HttpPort { get; private set; }

    public int TlsPort { get; private set; }

    public Uri DirectoryUrl => new($"https://127.0.0.1:{ListenPort}/dir");

    public Uri ManagementUrl => new($"https://127.0.0.1:{ManagementPort}/");

    /// <summary>The CA of Pebble's HTTPS certificate (not of the certificates Pebble issues).</summary>
    public string TlsCaPem { get; private set; } = string.Empty;

    public ChallTestSrvFixture ChallTestSrv => _challTestSrv ?? throw NotStarted();

    public PebbleHttp01Responder Http01 => _http01 ?? throw NotStarted();

    public ChallTestSrvDns01Responder Dns01 => new(ChallTestSrv);

    /// <summary>Pebble's log so far, for failure messages.</summary>
    public string Output => _process?.Output ?? string.Empty;

    /// <summary>Pebble's newOrder path; with <see cref="CountRequests"/> tells whether a client ordered.</summary>
    public const string NewOrderPath = "/order-plz";

    /// <summary>Pebble's newAccount path.</summary>
    public const string NewAccountPath = "/sign-me-up";

    /// <summary>How many requests Pebble logged for <paramref name="path"/> ("POST /order-plz -> calling handler()").</summary>
    public int CountRequests(string method, string path)
    {
        var line = $"{method} {path} -> calling handler()";
        var count = 0;
        for (var at = Output.IndexOf(line, StringComparison.Ordinal); at >= 0; at = Output.IndexOf(line, at + line.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    public static async Task<PebbleFixture> StartAsync(PebbleOptions options, CancellationToken cancellationToken = default)
    {
        var fixture = new PebbleFixture(options);
        await fixture.StartCoreAsync(cancellationToken).ConfigureAwait(false);
        return fixture;
    }

    public Task InitializeAsync() => StartCoreAsync(CancellationToken.None);

    /// <summary>An HttpClient trusting Pebble's HTTPS CA (through the production handler factory).</summary>
    public HttpClient CreateHttpClient() =>
        AcmeHttpHandlerFactory.CreateClient(new AcmeTlsOptions { TrustedCaBundlePem = TlsCaPem });

    /// <summary>An ACME client for this Pebble; the caller disposes <paramref name="httpClient"/> and the key.</summary>
    public AcmeClient CreateClient(HttpClient httpClient, IJwsSigner accountKey, Uri? accountUrl = null) =>
        new(httpClient, DirectoryUrl, accountKey, accountUrl);

    /// <summary>A responder solving the given challenge types (preference order) with the fixture's servers.</summary>
    public PebbleChallengeResponder CreateResponder(params string[] types) =>
        new(types, new Dictionary<string, IAcmeChallengeResponder>
        {
            [AcmeChallenge.Http01] = Http01,
            [AcmeChallenge.Dns01] = Dns01,
        });

    /// <summary>Root number <paramref name="index"/> (0 = default chain, 1.. = PEBBLE_ALTERNATE_ROOTS).</summary>
    public Task<X509Certificate2> GetRootAsync(int index, CancellationToken cancellationToken = default) =>
        GetManagementCertificateAsync($"roots/{index}", cancellationToken);

    public Task<X509Certificate2> GetIntermediateAsync(int index, CancellationToken cancellationToken = default) =>
        GetManagementCertificateAsync($"intermediates/{index}", cancellationToken);

    /// <summary>Revocation status of an issued certificate; <paramref name="serialHex"/> as X509Certificate2.SerialNumber gives it.</summary>
    public async Task<PebbleCertStatus> GetCertStatusAsync(string serialHex, CancellationToken cancellationToken = default)
    {
        var serial = serialHex.TrimStart('0').ToLowerInvariant();
        var status = await Management.GetFromJsonAsync<PebbleCertStatus>(new Uri(ManagementUrl, $"cert-status-by-serial/{serial}"), cancellationToken)
            .ConfigureAwait(false);
        return status ?? throw new InvalidOperationException($"pebble has no status for serial {serial}");
    }

    public async Task DisposeAsync() => await ((IAsyncDisposable)this).DisposeAsync().ConfigureAwait(false);

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _managementClient?.Dispose();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is not worth failing a test run for.
        }
        catch (UnauthorizedAccessException)
        {
        }
        GC.SuppressFinalize(this);
    }

    private HttpClient Management => _managementClient ??= CreateHttpClient();

    private async Task<X509Certificate2> GetManagementCertificateAsync(string path, CancellationToken cancellationToken)
    {
        var pem = await Management.GetStringAsync(new Uri(ManagementUrl, path), cancellationToken).ConfigureAwait(false);
        return X509Certificate2.CreateFromPem(pem);
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        if (SkipReason is not null || _process is not null)
        {
            return;
        }
        // Free ports are only free "a moment ago", and other test processes on this machine pick
        // ports too; a lost race shows up as a start failure, so try again on fresh ports.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnceAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (attempt < 3 && e is InvalidOperationException or TimeoutException or IOException)
            {
                await StopAsync().ConfigureAwait(false);
            }
            catch
            {
                await StopAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    private async Task StartOnceAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_workDirectory);
        ListenPort = FreePort.Next();
        ManagementPort = FreePort.Next();
        HttpPort = FreePort.Next();
        TlsPort = FreePort.Next();

        _challTestSrv = await ChallTestSrvFixture.StartAsync(cancellationToken).ConfigureAwait(false);
        if (Options.StartHttp01Responder)
        {
            _http01 = await PebbleHttp01Responder.StartAsync(HttpPort, cancellationToken).ConfigureAwait(false);
        }

        var tls = PebbleTlsCertificate.Create();
        TlsCaPem = tls.CaPem;
        var certificatePath = Path.Combine(_workDirectory, "cert.pem");
        var keyPath = Path.Combine(_workDirectory, "key.pem");
        await File.WriteAllTextAsync(certificatePath, tls.ServerCertificatePem, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(keyPath, tls.ServerKeyPem, cancellationToken).ConfigureAwait(false);
        var configPath = Path.Combine(_workDirectory, "pebble-config.json");
        await File.WriteAllTextAsync(configPath, BuildConfig(certificatePath, keyPath), cancellationToken).ConfigureAwait(false);

        _process = ExternalProcess.Start(ExternalTool.Find("pebble")!,
            ["-config", configPath, "-dnsserver", Options.DnsServer ?? _challTestSrv.DnsServer, "-strict=false"],
            BuildEnvironment(), _workDirectory);
        await _process.WaitForOutputAsync("ACME directory available", TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        await _process.WaitForTcpAsync(ListenPort, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        await _process.WaitForTcpAsync(ManagementPort, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Kills and forgets everything started so far (pebble, responder, challtestsrv).</summary>
    private async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
            _process = null;
        }
        if (_http01 is not null)
        {
            await _http01.DisposeAsync().ConfigureAwait(false);
            _http01 = null;
        }
        if (_challTestSrv is not null)
        {
            await ((IAsyncDisposable)_challTestSrv).DisposeAsync().ConfigureAwait(false);
            _challTestSrv = null;
        }
    }

    private string BuildConfig(string certificatePath, string keyPath)
    {
        var pebble = new Dictionary<string, object?>
        {
            ["listenAddress"] = $"127.0.0.1:{ListenPort}",
            ["managementListenAddress"] = $"127.0.0.1:{ManagementPort}",
            ["certificate"] = certificatePath,
            ["privateKey"] = keyPath,
            ["httpPort"] = HttpPort,
            ["tlsPort"] = TlsPort,
            ["ocspResponderURL"] = "",
            ["externalAccountBindingRequired"] = Options.ExternalAccountBindingRequired,
            ["externalAccountMACKeys"] = Options.ExternalAccountMacKeys,
            ["domainBlocklist"] = Options.DomainBlocklist,
        };
        if (Options.CertificateValidityPeriodSeconds is { } validity)
        {
            pebble["certificateValidityPeriod"] = validity;
        }
        var profiles = Options.Profiles
            ?? (Options.CertificateValidityPeriodSeconds is { } only ? new Dictionary<string, ulong> { ["default"] = only } : null);
        if (profiles is not null)
        {
            // Current Pebble picks a random profile for an order that names none, so a single profile keeps lifetimes exact.
            pebble["profiles"] = profiles.ToDictionary(p => p.Key, p => new Dictionary<string, object>
            {
                ["description"] = $"{p.Key} ({p.Value} s)",
                ["validityPeriod"] = p.Value,
            });
        }
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["pebble"] = pebble });
    }

    private Dictionary<string, string> BuildEnvironment()
    {
        var environment = new Dictionary<string, string> { ["PEBBLE_VA_NOSLEEP"] = "1" };
        AddIfSet(environment, "PEBBLE_WFE_NONCEREJECT", Options.NonceRejectPercent);
        AddIfSet(environment, "PEBBLE_ALTERNATE_ROOTS", Options.AlternateRoots);
        AddIfSet(environment, "PEBBLE_AUTHZREUSE", Options.AuthzReusePercent);
        AddIfSet(environment, "PEBBLE_CHAIN_LENGTH", Options.ChainLength);
        return environment;
    }

    private static void AddIfSet(Dictionary<string, string> environment, string name, int? value)
    {
        if (value is { } set)
        {
            environment[name] = set.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static InvalidOperationException NotStarted() => new("the Pebble fixture is not started (check SkipReason)");
}
