using System.Collections.Concurrent;
using k8s.Models;
using K8sCertOperator.Hosting;
using K8sCertOperator.IntegrationTests.Harness;
using K8sCertOperator.Solvers.Http01;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Challenges;

/// <summary>
/// An <see cref="OperatorHarness"/> whose operator runs in a namespace of its own, as deployed, apart from the
/// Certificates' (the harness namespace); records every solver Ingress and Service its informers see.
/// </summary>
internal sealed class SeparateOperatorHarness : IAsyncDisposable
{
    private SeparateOperatorHarness(OperatorHarness harness, ExtraNamespace operatorNamespace)
    {
        Harness = harness;
        OperatorNamespaceObject = operatorNamespace;
    }

    public OperatorHarness Harness { get; }

    public string OperatorNamespace => OperatorNamespaceObject.Name;

    /// <summary>Solver Ingresses added while the operator ran.</summary>
    public ConcurrentQueue<V1Ingress> Ingresses { get; } = new();

    /// <summary>Solver Services added while the operator ran.</summary>
    public ConcurrentQueue<V1Service> Services { get; } = new();

    private ExtraNamespace OperatorNamespaceObject { get; }

    /// <summary>
    /// Starts Pebble and the API server and creates the operator's namespace; the operator itself is started later.
    /// <paramref name="adjust"/> changes the operator's options further.
    /// </summary>
    public static async Task<SeparateOperatorHarness> StartAsync(
        ITestOutputHelper output, Http01SolverNamespace solverNamespace, CancellationToken ct, Func<OperatorOptions, OperatorOptions>? adjust = null)
    {
        var name = ExtraNamespace.NewName("operator");
        var harness = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.EndToEnd with
        {
            Operator = o => (adjust ?? (x => x))(o with { Namespace = name, Http01SolverNamespace = solverNamespace }),
        }, ct);
        try
        {
            return new SeparateOperatorHarness(harness, await ExtraNamespace.CreateAsync(harness.Env.Client, name, ct));
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the operator and records the solver objects its informers see from then on.</summary>
    public async Task StartOperatorAsync(CancellationToken ct)
    {
        await Harness.StartOperatorAsync(ct);
        var informers = Harness.Host!.Context.Informers;
        informers.ChallengeIngresses.OnAdd += Ingresses.Enqueue;
        informers.ChallengeServices!.OnAdd += Services.Enqueue;
    }

    public async ValueTask DisposeAsync()
    {
        await OperatorNamespaceObject.DisposeAsync();
        await Harness.DisposeAsync();
    }
}
