using K8sCertOperator.Bench;

// Usage: dotnet run -c Release --project bench/K8sCertOperator.Bench -- acme|solvers [N] | pebble
// Prints numbers only; nothing here asserts a timing.
var suite = args.Length > 0 ? args[0] : "acme";
var count = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 20;
return suite switch
{
    "acme" => await AcmeBenchmark.RunAsync(count, CancellationToken.None),
    "solvers" => await SolversBenchmark.RunAsync(count, CancellationToken.None),
    "pebble" => await PebbleSession.RunAsync(CancellationToken.None),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: K8sCertOperator.Bench acme|solvers [N] | pebble");
    return 2;
}
