using System.CommandLine;
using k8s;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Cli.Ops;

/// <summary>`status certificate NAME`: everything needed to see why a Certificate is or is not Ready.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var name = new Argument<string>("NAME") { Description = "The Certificate" };
        var certificate = new Command("certificate", "Conditions, Secret, current CertificateRequest, Order and Challenges, and Events of a Certificate");
        certificate.Aliases.Add("cert");
        certificate.Arguments.Add(name);
        cluster.AddTo(certificate, apiMode: true);
        certificate.SetAction(async (parse, ct) =>
        {
            var (client, ns) = cluster.Connect(parse);
            using (client as IDisposable)
            {
                return await RunAsync(client, ns!, parse.GetValue(name)!, parse.GetValue(cluster.Output)!, Console.Out, Console.Error, ct, parse.GetValue(cluster.ApiMode)).ConfigureAwait(false);
            }
        });
        var command = new Command("status", "Show the state of objects the operator manages");
        command.Subcommands.Add(certificate);
        return command;
    }

    /// <param name="apiMode">The API the Certificate is in (default k8scert.io); its requests, Orders and Challenges are read from the same.</param>
    public static async Task<int> RunAsync(
        IKubernetes client, string ns, string name, string format, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, ApiModeChoice? apiMode = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!OutputFormats.IsKnown(format))
        {
            await stderr.WriteLineAsync($"error: unknown output format '{format}'").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        var choice = apiMode ?? ApiModeChoice.K8sCert;
        try
        {
            var (apis, certificate) = await choice.GetAsync(client, a => a.Certificates, ns, name, cancellationToken).ConfigureAwait(false);
            if (certificate is null)
            {
                await stderr.WriteLineAsync(choice.NotFound(ApiGroups.CertificateKind, ns, name)).ConfigureAwait(false);
                return ExitCodes.NotFound;
            }
            var secret = string.IsNullOrEmpty(certificate.Spec.SecretName)
                ? null
                : await apis.Secrets.GetAsync(ns, certificate.Spec.SecretName, cancellationToken).ConfigureAwait(false);
            var requests = (await apis.CertificateRequests.ListAsync(ns, null, cancellationToken).ConfigureAwait(false)).Items;
            var orders = (await apis.Orders.ListAsync(ns, null, cancellationToken).ConfigureAwait(false)).Items;
            var challenges = (await apis.Challenges.ListAsync(ns, null, cancellationToken).ConfigureAwait(false)).Items;
            // The report picks the Certificate's, its request's and its Order's Events from the namespace's list
            // (the same list call the operator's Event API makes).
            var events = (await CoreResourceApis.Events(client).ListAsync(ns, null, cancellationToken).ConfigureAwait(false)).Items;
            var report = CertificateStatusReport.Build(certificate, secret, requests, orders, challenges, events);
            report["api"] = apis.Flavor.CertGroup;
            if (!await OutputFormats.TryWriteStructuredAsync(report, format, stdout, cancellationToken).ConfigureAwait(false))
            {
                await stdout.WriteAsync(CertificateStatusText.Render(report)).ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is Kube.Client.KubeApiException || CliErrors.IsReportable(e, cancellationToken))
        {
            await stderr.WriteLineAsync("error: " + CliErrors.Describe(e)).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }
}
