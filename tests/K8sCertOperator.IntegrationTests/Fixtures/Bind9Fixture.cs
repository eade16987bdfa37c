using System.Net;
using System.Security.Cryptography;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Dns01.Rfc2136;

namespace K8sCertOperator.IntegrationTests.Fixtures;

/// <summary>
/// A real BIND 9 <c>named</c> on 127.0.0.1 (UDP+TCP, free port), authoritative for <see cref="Zone"/>,
/// accepting RFC 2136 updates signed with a fresh hmac-sha256 TSIG key. Everything lives in a temp dir.
/// </summary>
/// <remarks>
/// The zone has <c>ns1</c> and a wildcard <c>*</c> A 127.0.0.1 so an ACME server using this named as its
/// resolver finds HTTP-01 names on loopback, and a CNAME
/// <c>_acme-challenge.alias</c> -> <c>_acme-challenge.target</c> for CNAME-follow tests.
/// </remarks>
public sealed class Bind9Fixture : IAsyncLifetime
{
    private const int Attempts = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly DnsLookup _lookup = new(TimeSpan.FromSeconds(2));
    private ExternalProcess? _process;
    private DirectoryInfo? _directory;

    /// <summary>Why tests must skip (named not installed), or null.</summary>
    public string? SkipReason { get; private set; } = ExternalTool.MissingReason("named", "bind9");

    /// <summary>Loopback port named listens on (UDP and TCP).</summary>
    public int Port { get; private set; }

    /// <summary>The nameserver as <c>127.0.0.1:port</c> (the form the RFC 2136 settings take).</summary>
    public string Nameserver => $"127.0.0.1:{Port}";

    public IPEndPoint Endpoint => new(IPAddress.Loopback, Port);

    /// <summary>The zone served, absolute: <c>example.com.</c>.</summary>
    public string Zone { get; } = "example.com.";

    /// <summary>NS host of the zone (resolves to 127.0.0.1 inside the zone).</summary>
    public string NameserverHost => $"ns1.{Zone}";

    /// <summary>A name in the zone that is a CNAME to <see cref="CnameTarget"/>.</summary>
    public string CnameAlias => $"_acme-challenge.alias.{Zone}";

    public string CnameTarget => $"_acme-challenge.target.{Zone}";

    /// <summary>Algorithms named has a key for; every key may update the zone.</summary>
    public static readonly IReadOnlyList<string> TsigAlgorithms = ["hmac-sha256", "hmac-sha512", "hmac-sha1", "hmac-md5"];

    private readonly Dictionary<string, (string Name, byte[] Secret)> _keys = TsigAlgorithms.ToDictionary(
        algorithm => algorithm,
        algorithm => ($"k8scert-{algorithm}-{Guid.NewGuid():N}.", RandomNumberGenerator.GetBytes(32)));

    /// <summary>Name of the hmac-sha256 key.</summary>
    public string TsigKeyName => _keys[TsigAlgorithm].Name;

    public string TsigAlgorithm => "hmac-sha256";

    /// <summary>Raw bytes of the hmac-sha256 key.</summary>
    public byte[] TsigSecret => _keys[TsigAlgorithm].Secret;

    /// <summary>What named printed so far, for failure messages.</summary>
    public string Output => _process?.Output ?? string.Empty;

    /// <summary>RFC 2136 settings that can update <see cref="Zone"/>, signing with the key of <paramref name="algorithm"/>.</summary>
    public Rfc2136Settings CreateRfc2136Settings(string algorithm = "hmac-sha256") =>
        new(Nameserver, _keys[algorithm].Name, algorithm, _keys[algorithm].Secret);

    /// <summary>The TXT strings named serves at <paramref name="fqdn"/> right now.</summary>
    public Task<IReadOnlyList<string>> QueryTxtAsync(string fqdn, CancellationToken ct = default) =>
        _lookup.QueryTxtAsync([Endpoint], fqdn, ct);

    /// <summary>The zone's SOA serial: named raises it on every dynamic update, so an unchanged serial means nothing was written.</summary>
    public async Task<uint> SerialAsync(CancellationToken ct = default)
    {
        var response = await _lookup.QueryAsync([Endpoint], Zone, DnsClient.QueryType.SOA, ct).ConfigureAwait(false);
        return response.Answers.SoaRecords().Single().Serial;
    }

    public async Task InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }
        var named = ExternalTool.Find("named")!;
        Exception? last = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            _directory = Directory.CreateTempSubdirectory("bind9-fixture-");
            Port = FreePort.Next();
            var config = WriteConfiguration(_directory.FullName);
            // -g: foreground, log to stderr; -n 1: one worker, the test machine is small.
            _process = ExternalProcess.Start(named, ["-g", "-n", "1", "-c", config], workingDirectory: _directory.FullName);
            try
            {
                await WaitUntilServingAsync(CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                // Most likely another process took the port between FreePort and named binding it.
                last = ex;
                await StopAsync().ConfigureAwait(false);
            }
        }
        throw new InvalidOperationException($"named did not start after {Attempts} attempts", last);
    }

    public Task DisposeAsync() => StopAsync();

    private async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
            _process = null;
        }
        try
        {
            _directory?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner; not worth failing a test run over.
        }
        _directory = null;
    }

    private async Task WaitUntilServingAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"named exited before serving:\n{_process.Output}");
            }
            try
            {
                var response = await _lookup.QueryAsync([Endpoint], Zone, DnsClient.QueryType.SOA, ct).ConfigureAwait(false);
                if (response.Answers.SoaRecords().Any())
                {
                    return;
                }
            }
            catch (DnsProviderException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"named did not answer SOA {Zone} on {Nameserver} within {StartTimeout}:\n{_process.Output}");
            }
            await Task.Delay(100, ct).ConfigureAwait(false);
        }
    }

    private string WriteConfiguration(string dir)
    {
        var zoneName = Zone.TrimEnd('.');
        var zoneFile = Path.Combine(dir, $"{zoneName}.zone");
        File.WriteAllText(zoneFile, $"""
            $TTL 60
            @                       IN SOA   ns1.{Zone} hostmaster.{Zone} 1 3600 600 86400 60
            @                       IN NS    ns1.{Zone}
            @                       IN A     127.0.0.1
            ns1                     IN A     127.0.0.1
            *                       IN A     127.0.0.1
            _acme-challenge.alias   IN CNAME {CnameTarget}

            """);
        var config = Path.Combine(dir, "named.conf");
        // Every path named would write by default (/var/run, /var/cache/bind) points into the temp dir,
        // and controls are off so parallel instances do not fight over rndc's port 953.
        File.WriteAllText(config, $$"""
            options {
                directory "{{dir}}";
                pid-file "{{dir}}/named.pid";
                lock-file "{{dir}}/named.lock";
                session-keyfile "{{dir}}/session.key";
                managed-keys-directory "{{dir}}";
                listen-on port {{Port}} { 127.0.0.1; };
                listen-on-v6 { none; };
                recursion no;
                dnssec-validation no;
                notify no;
                allow-query { any; };
            };
            controls { };
            {{string.Concat(_keys.Select(k => $"key \"{k.Value.Name}\" {{ algorithm {k.Key}; secret \"{Convert.ToBase64String(k.Value.Secret)}\"; }};\n"))}}
            zone "{{zoneName}}" {
                type primary;
                file "{{zoneFile}}";
                journal "{{zoneFile}}.jnl";
                allow-update { {{string.Concat(_keys.Values.Select(k => $"key \"{k.Name}\"; "))}}};
            };

            """);
        return config;
    }
}
