using System.CommandLine;
using k8s;

namespace K8sCertOperator.Cli.Ops;

/// <summary>`check api [--wait DURATION]`: are the CRDs installed and is the operator answering.</summary>
public static class CheckCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var wait = new Option<TimeSpan?>("--wait") { Description = "Keep checking this long (e.g. 00:02:00) before giving up with exit code 4" };
        var operatorNamespace = new Option<string>("--operator-namespace") { Description = "Namespace of the operator's Lease", DefaultValueFactory = _ => "k8s-cert-operator" };
        var leaseName = new Option<string>("--lease-name") { Description = "Name of the operator's leader-election Lease", DefaultValueFactory = _ => "k8s-cert-operator" };
        var api = new Command("api", "Check that the CRDs are installed and the operator holds its Lease");
        api.Options.Add(wait);
        api.Options.Add(operatorNamespace);
        api.Options.Add(leaseName);
        cluster.AddTo(api, output: false);
        api.SetAction(async (parse, ct) =>
        {
            var (client, _) = cluster.Connect(parse);
            using (client as IDisposable)
            {
                return await RunAsync(client, parse.GetValue(operatorNamespace)!, parse.GetValue(leaseName)!, parse.GetValue(wait) ?? TimeSpan.Zero,
                    TimeProvider.System, Console.Out, Console.Error, ct).ConfigureAwait(false);
            }
        });
        var command = new Command("check", "Check the installation");
        command.Subcommands.Add(api);
        command.Subcommands.Add(Migration.CheckMigrationCommand.Create());
        return command;
    }

    public static async Task<int> RunAsync(IKubernetes client, string operatorNamespace, string leaseName, TimeSpan wait, TimeProvider time,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var deadline = time.GetUtcNow() + wait;
        IReadOnlyList<string> problems;
        try
        {
            while (true)
            {
                var list = new List<string>(await ApiCheck.MissingCrdsAsync(client, cancellationToken).ConfigureAwait(false));
                if (await ApiCheck.OperatorProblemAsync(client, operatorNamespace, leaseName, time.GetUtcNow(), cancellationToken).ConfigureAwait(false) is { } p)
                {
                    list.Add(p);
                }
                problems = list;
                if (problems.Count == 0 || time.GetUtcNow() >= deadline)
                {
                    break;
                }
                await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (CliErrors.IsReportable(e, cancellationToken))
        {
            await stderr.WriteLineAsync("error: " + CliErrors.Describe(e)).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        if (problems.Count == 0)
        {
            await stdout.WriteLineAsync("The k8s-cert-operator API is ready: CRDs installed and the operator holds its Lease").ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        foreach (var problem in problems)
        {
            await stderr.WriteLineAsync("not ready: " + problem).ConfigureAwait(false);
        }
        return wait > TimeSpan.Zero ? ExitCodes.Timeout : ExitCodes.Failed;
    }
}
