using System.CommandLine;
using k8s;
using K8sCertOperator.Cli.Ops;

namespace K8sCertOperator.Cli.Migration;

/// <summary>
/// `check migration [-A|-n NS] [-o table|json|yaml]`: reads cert-manager's objects and lists every field or feature
/// the operator would not honour. Exit 0 when nothing blocks, <see cref="ExitCodes.MigrationBlocked"/> when
/// something does, 1 when the cluster could not be read.
/// </summary>
public static class CheckMigrationCommand
{
    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var command = new Command("migration", "List cert-manager objects that use what k8s-cert-operator does not support (before switching)");
        cluster.AddTo(command, allNamespaces: true);
        command.SetAction(async (parse, ct) =>
        {
            var format = parse.GetValue(cluster.Output)!;
            if (!OutputFormats.IsKnown(format))
            {
                await Console.Error.WriteLineAsync($"error: -o {format}: use table, json or yaml").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            IKubernetes client;
            string? ns;
            try
            {
                (client, ns) = cluster.Connect(parse);
            }
            catch (k8s.Exceptions.KubeConfigException e)
            {
                await Console.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            using (client as IDisposable)
            {
                return await RunAsync(client, ns, format, Console.Out, Console.Error, ct).ConfigureAwait(false);
            }
        });
        return command;
    }

    public static async Task<int> RunAsync(IKubernetes client, string? ns, string format, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        IReadOnlyList<System.Text.Json.Nodes.JsonObject> objects;
        IReadOnlyList<string> notServed;
        try
        {
            (objects, notServed) = await CertManagerObjectReader.ListAsync(client, ns, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (CliErrors.IsReportable(e, cancellationToken))
        {
            await stderr.WriteLineAsync("error: " + CliErrors.Describe(e)).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        var findings = MigrationAnalyzer.Analyze(objects);
        if (!await OutputFormats.TryWriteStructuredAsync(MigrationReport.Json(findings, objects.Count, notServed), format, stdout, cancellationToken).ConfigureAwait(false))
        {
            foreach (var resource in notServed)
            {
                await stderr.WriteLineAsync($"note: the cluster does not serve {resource} (cert-manager's CRD is not installed)").ConfigureAwait(false);
            }
            await stdout.WriteAsync(MigrationReport.Table(findings, objects.Count).AsMemory(), cancellationToken).ConfigureAwait(false);
        }
        return findings.Any(f => f.Blocks) ? ExitCodes.MigrationBlocked : ExitCodes.Ok;
    }
}
