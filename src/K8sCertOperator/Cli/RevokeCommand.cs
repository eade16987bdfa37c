using System.CommandLine;
using K8sCertOperator.Cli.Ops;
using K8sCertOperator.Cli.Standalone;

namespace K8sCertOperator.Cli;

/// <summary>`revoke`: standalone with --server/--cert; by Certificate name through the cluster.</summary>
public static class RevokeCommand
{
    public static Command Create()
    {
        var symbols = new RevokeSymbols();
        var cluster = new ClusterOptions();
        var name = new Argument<string?>("NAME") { Description = "Certificate to revoke (cluster form)", Arity = ArgumentArity.ZeroOrOne };
        var noReissue = new Option<bool>("--no-reissue") { Description = "Cluster form: do not request a new certificate afterwards" };
        // Also spelt as the operator's --cluster-resource-namespace flag, which names the same place.
        var operatorNamespace = new Option<string>("--operator-namespace", "--cluster-resource-namespace")
        {
            Description = "Cluster form: the namespace holding ClusterIssuer account keys (the operator's --cluster-resource-namespace, else its own namespace; cert-manager's default is cert-manager)",
            DefaultValueFactory = _ => "k8s-cert-operator",
        };
        var command = new Command("revoke", "Revoke a certificate: NAME (a Certificate, through the cluster) or --server URL --cert FILE (standalone)");
        command.Arguments.Add(name);
        foreach (var option in symbols.All)
        {
            command.Options.Add(option);
        }
        command.Options.Add(noReissue);
        command.Options.Add(operatorNamespace);
        cluster.AddTo(command, output: false, apiMode: true);
        command.SetAction(async (parse, ct) =>
        {
            if (StandaloneCommands.ParseRevoke(parse, symbols) is { } standalone)
            {
                return await RevokeRunner.RunAsync(standalone, Console.Out, Console.Error, ct).ConfigureAwait(false);
            }
            if (parse.GetValue(name) is not { Length: > 0 } certificateName)
            {
                await Console.Error.WriteLineAsync("error: give a Certificate NAME, or --server URL and --cert FILE").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            var reasonText = parse.GetValue(symbols.Reason);
            var reason = RevocationReasons.Parse(reasonText);
            if (reasonText is not null && reason is null)
            {
                await Console.Error.WriteLineAsync($"error: unknown --reason '{reasonText}'").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            try
            {
                var (client, ns) = cluster.Connect(parse);
                using (client as IDisposable)
                {
                    return await CertificateRevoker.RunAsync(client, ns!, certificateName, reason, !parse.GetValue(noReissue),
                        parse.GetValue(operatorNamespace)!, TimeProvider.System, Console.Out, Console.Error, ct, parse.GetValue(cluster.ApiMode)).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is Kube.Client.KubeApiException || e is k8s.Exceptions.KubeConfigException || CliErrors.IsReportable(e, ct))
            {
                await Console.Error.WriteLineAsync("error: " + CliErrors.Describe(e)).ConfigureAwait(false);
                return ExitCodes.Failed;
            }
        });
        return command;
    }
}
