using K8sCertOperator.Hosting;
using K8sCertOperator.IntegrationTests.Fixtures;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.IntegrationTests.Harness;

/// <summary>What an <see cref="OperatorHarness"/> starts and how the operators it runs are configured.</summary>
public sealed record OperatorHarnessOptions
{
    /// <summary>
    /// Test suites poll at 100 ms; the hardening suite at 200 ms because some of its tests count every API request
    /// (their own polls included) against a budget.
    /// </summary>
    private static readonly TimeSpan DefaultPoll = TimeSpan.FromMilliseconds(100);

    /// <summary>The operator's end-to-end tests: one operator on Pebble's HTTP port, monitoring on a free port.</summary>
    public static OperatorHarnessOptions EndToEnd { get; } = new();

    /// <summary>Every log entry of every level captured for scanning; slower polling (see <see cref="PollInterval"/>).</summary>
    public static OperatorHarnessOptions Hardening { get; } = new()
    {
        LeaseName = "k8scert-hardening",
        AccountEmail = "hardening@example.com",
        MinimumLogLevel = LogLevel.Trace,
        CaptureLogs = true,
        PollInterval = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>Replicas and solvers, Pebble resolving through challtestsrv.</summary>
    public static OperatorHarnessOptions Solvers { get; } = new()
    {
        LeaseName = "k8scert-solvers",
        AccountEmail = "solvers@example.com",
    };

    /// <summary>Replicas and solvers with bind9 as Pebble's DNS and the DNS-01 solver's target.</summary>
    public static OperatorHarnessOptions SolversWithBind9 { get; } = Solvers with { Dns = DnsServerKind.Bind9 };

    /// <summary>Pebble's knobs; the harness always turns Pebble's own HTTP-01 responder off (an operator answers).</summary>
    public PebbleOptions Pebble { get; init; } = new();

    public DnsServerKind Dns { get; init; } = DnsServerKind.ChallTestSrv;

    /// <summary>The leader-election Lease every operator of the harness campaigns for.</summary>
    public string LeaseName { get; init; } = "k8scert-e2e";

    /// <summary>Contact address of the ACME accounts the harness's Issuers register.</summary>
    public string AccountEmail { get; init; } = "e2e@example.com";

    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;

    /// <summary>Keep every log entry in <see cref="OperatorHarness.Logs"/> as well as writing it to the test output.</summary>
    public bool CaptureLogs { get; init; }

    /// <summary>Pause between reads while waiting on the API.</summary>
    public TimeSpan PollInterval { get; init; } = DefaultPoll;

    /// <summary>Applied last to every operator's options (single operator and replicas alike).</summary>
    public Func<OperatorOptions, OperatorOptions>? Operator { get; init; }

    /// <summary>The API the operators serve and the harness's <c>Apis</c> speak (cert-manager's needs its CRDs loaded first).</summary>
    public K8sCertOperator.Api.ApiFlavor Flavor { get; init; } = K8sCertOperator.Api.ApiFlavor.K8sCert;

    /// <summary>Replaces services of the production composition for every operator the harness starts.</summary>
    public Func<OperatorServices, OperatorServices>? Services { get; init; }
}
