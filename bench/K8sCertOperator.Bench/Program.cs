using K8sCertOperator.Bench;

// Usage: dotnet run -c Release --project bench/K8sCertOperator.Bench -- acme|solvers|scale|scale-renew|memory|listeners [N] | pebble
// Prints numbers only; nothing here asserts a timing.
var suite = args.Length > 0 ? args[0] : "acme";
int? given = args.Length > 1 && int.TryParse(args[1], out var n) ? n : null;
return suite switch
{
    "acme" => await AcmeBenchmark.RunAsync(given ?? 20, CancellationToken.None),
    "solvers" => await SolversBenchmark.RunAsync(given ?? 20, CancellationToken.None),
    "scale" => await ScaleBenchmark.RunAsync(given ?? 500, CancellationToken.None),
    "scale-renew" => await RenewalStormBenchmark.RunAsync(given ?? 200, CancellationToken.None),
    "memory" => await MemoryBenchmark.RunAsync(given ?? 1000, args.Length > 2 && int.TryParse(args[2], out var s) ? s : 10_000, CancellationToken.None),
    "listeners" => await ListenerBenchmark.RunAsync(given ?? 100, CancellationToken.None),
    "pebble" => await PebbleSession.RunAsync(CancellationToken.None),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: K8sCertOperator.Bench acme|solvers|scale|scale-renew|listeners [N] | memory [CERTS [SECRETS]] | pebble");
    return 2;
}
