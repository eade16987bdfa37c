using System.CommandLine;
using k8s;
using K8sCertOperator.Controllers;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Cli.Ops;

/// <summary>`inspect secret NAME`: decode a TLS Secret's certificate and key.</summary>
public static class InspectCommand
{
    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var name = new Argument<string>("NAME") { Description = "The Secret" };
        var secret = new Command("secret", "Show the certificate, chain and key details of a TLS Secret");
        secret.Arguments.Add(name);
        cluster.AddTo(secret, apiMode: true);
        secret.SetAction(async (parse, ct) =>
        {
            var (client, ns) = cluster.Connect(parse);
            using (client as IDisposable)
            {
                return await RunAsync(client, ns!, parse.GetValue(name)!, parse.GetValue(cluster.Output)!, Console.Out, Console.Error, ct, parse.GetValue(cluster.ApiMode)).ConfigureAwait(false);
            }
        });
        var command = new Command("inspect", "Decode objects the operator manages");
        command.Subcommands.Add(secret);
        return command;
    }

    /// <param name="apiMode">Whose annotations name the Secret's Certificate and issuer (default k8scert.io; auto: the ones it carries).</param>
    public static async Task<int> RunAsync(
        IKubernetes client, string ns, string name, string format, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, ApiModeChoice? apiMode = null)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!OutputFormats.IsKnown(format))
        {
            await stderr.WriteLineAsync($"error: unknown output format '{format}'").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        try
        {
            // Read as stored, then renamed to the native keys of the API it belongs to (as the operator reads it).
            var secret = await new OperatorApis(client).Secrets.GetAsync(ns, name, cancellationToken).ConfigureAwait(false);
            if (secret is null)
            {
                await stderr.WriteLineAsync($"error: Secret {ns}/{name} not found").ConfigureAwait(false);
                return ExitCodes.NotFound;
            }
            var flavor = (apiMode ?? ApiModeChoice.K8sCert).ForSecret(secret);
            var report = SecretInspection.Describe(WireNames.For(flavor)?.Read(secret) ?? secret, flavor);
            if (!await OutputFormats.TryWriteStructuredAsync(report, format, stdout, cancellationToken).ConfigureAwait(false))
            {
                await stdout.WriteAsync(SecretInspection.Render(report)).ConfigureAwait(false);
            }
            return report["error"] is null ? ExitCodes.Ok : ExitCodes.Failed;
        }
        catch (Exception e) when (e is Kube.Client.KubeApiException || CliErrors.IsReportable(e, cancellationToken))
        {
            await stderr.WriteLineAsync("error: " + CliErrors.Describe(e)).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }
}
