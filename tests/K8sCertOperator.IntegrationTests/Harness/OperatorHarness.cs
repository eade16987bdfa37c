using K8sCertOperator.Controllers;
using K8sCertOperator.Hosting;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Controllers.Orders;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Harness;

/// <summary>
/// The whole operator, as production composes it (<see cref="OperatorComposition"/>), against the stand-in API
/// server (or a real cluster) and a real Pebble whose VA reaches the operator's own HTTP-01 responder; optionally
/// bind9 as Pebble's DNS and DNS-01 target, and any number of replicas. Public so the benchmark can drive it.
/// </summary>
public sealed partial class OperatorHarness : IAsyncDisposable
{
    private readonly OperatorHarnessOptions _options;
    private readonly ITestOutputHelper? _output;
    private readonly ILoggerFactory _logs;
    private readonly CapturedLogs? _captured;
    private readonly List<OperatorHost> _hosts = [];

    private OperatorHarness(OperatorHarnessOptions options, ITestOutputHelper? output, KubeTestEnvironment env, PebbleFixture pebble, Bind9Fixture? bind)
    {
        _options = options;
        _output = output;
        Env = env;
        Pebble = pebble;
        Bind = bind;
        _captured = options.CaptureLogs ? new CapturedLogs() : null;
        _logs = LoggerFactory.Create(b =>
        {
            if (output is not null)
            {
                b.AddProvider(new TestOutputLoggerProvider(output));
            }

            if (_captured is not null)
            {
                b.AddProvider(_captured);
            }

            b.SetMinimumLevel(options.MinimumLogLevel);
        });
    }

    public KubeTestEnvironment Env { get; }

    public PebbleFixture Pebble { get; }

    /// <summary>The bind9 Pebble resolves through, or null unless started with <see cref="DnsServerKind.Bind9"/>.</summary>
    public Bind9Fixture? Bind { get; }

    /// <summary>Every log entry the operators wrote; only with <see cref="OperatorHarnessOptions.CaptureLogs"/>.</summary>
    public CapturedLogs Logs => _captured ?? throw new InvalidOperationException("harness started without CaptureLogs");

    /// <summary>The operator <see cref="StartOperatorAsync"/> started, if any (replicas are not counted).</summary>
    public OperatorHost? Host { get; private set; }

    public OperatorApis Apis => new(Env.Client, _options.Flavor);

    public string Namespace => Env.Namespace;

    /// <summary>Metrics and health port of the operator started by <see cref="StartOperatorAsync"/>.</summary>
    public int MonitoringPort { get; } = FreePort.Next();

    /// <summary>Why the external tools these options need are missing, or null.</summary>
    public static string? MissingReason(OperatorHarnessOptions options) =>
        ExternalTool.MissingReason("pebble", "pebble")
        ?? ExternalTool.MissingReason("pebble-challtestsrv", "pebble")
        ?? (options.Dns == DnsServerKind.Bind9 ? ExternalTool.MissingReason("named", "bind9") : null);

    /// <summary>
    /// Starts bind9 (if asked), Pebble without an HTTP-01 responder of its own (an operator answers) and the API
    /// server; skips the calling test, saying why, when a tool they need is not installed.
    /// </summary>
    public static async Task<OperatorHarness> StartAsync(ITestOutputHelper? output, OperatorHarnessOptions options, CancellationToken ct)
    {
        var missing = MissingReason(options);
        Skip.If(missing is not null, missing);
        Bind9Fixture? bind = null;
        PebbleFixture? pebble = null;
        try
        {
            if (options.Dns == DnsServerKind.Bind9)
            {
                bind = new Bind9Fixture();
                await bind.InitializeAsync();
            }

            pebble = await PebbleFixture.StartAsync(options.Pebble with { StartHttp01Responder = false, DnsServer = bind?.Nameserver ?? options.Pebble.DnsServer }, ct);
            var env = await KubeTestEnvironment.StartAsync(output, ct);
            return new OperatorHarness(options, output, env, pebble, bind);
        }
        catch
        {
            if (pebble is not null)
            {
                await pebble.DisposeAsync();
            }

            if (bind is not null)
            {
                await bind.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.ToList())
        {
            await host.DisposeAsync();
        }

        _hosts.Clear();
        Host = null;
        await Env.DisposeAsync();
        await Pebble.DisposeAsync();
        if (Bind is not null)
        {
            await Bind.DisposeAsync();
        }

        _logs.Dispose();
    }
}
