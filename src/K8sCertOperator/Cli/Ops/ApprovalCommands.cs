using System.CommandLine;
using k8s;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers;

namespace K8sCertOperator.Cli.Ops;

/// <summary>
/// `approve NAME --reason R [--message M]` and `deny NAME ...`: write the Approved or Denied condition of a
/// CertificateRequest through its status subresource, like cmctl approve/deny. A decision is final: a request that
/// already carries Approved or Denied is refused.
/// </summary>
public static class ApprovalCommands
{
    public static Command Approve() => Create("approve", ConditionTypes.Approved, "Approve a CertificateRequest so an issuer may sign it", "KubectlCertManager");

    public static Command Deny() => Create("deny", ConditionTypes.Denied, "Deny a CertificateRequest; it fails and is never signed", "KubectlCertManager");

    private static Command Create(string verb, string conditionType, string description, string defaultReason)
    {
        var cluster = new ClusterOptions();
        var name = new Argument<string>("NAME") { Description = "CertificateRequest name" };
        var reason = new Option<string>("--reason") { Description = "CamelCase reason written on the condition", DefaultValueFactory = _ => defaultReason };
        var message = new Option<string?>("--message") { Description = "Human-readable message written on the condition" };
        var command = new Command(verb, description);
        command.Arguments.Add(name);
        command.Options.Add(reason);
        command.Options.Add(message);
        cluster.AddTo(command, allNamespaces: false, output: false, apiMode: true);
        command.SetAction(async (parse, ct) =>
        {
            var (client, ns) = cluster.Connect(parse);
            using (client as IDisposable)
            {
                return await RunAsync(client, ns ?? "default", parse.GetValue(name)!, conditionType, parse.GetValue(reason)!, parse.GetValue(message),
                    TimeProvider.System, Console.Out, Console.Error, ct, parse.GetValue(cluster.ApiMode)).ConfigureAwait(false);
            }
        });
        return command;
    }

    /// <summary>Sets <paramref name="conditionType"/> (Approved or Denied) to True on the named request.</summary>
    /// <param name="apiMode">The API of the CertificateRequest (default k8scert.io).</param>
    public static async Task<int> RunAsync(
        IKubernetes client, string ns, string name, string conditionType, string reason, string? message, TimeProvider time,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, ApiModeChoice? apiMode = null)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(time);
        if (string.IsNullOrWhiteSpace(reason))
        {
            await stderr.WriteLineAsync("error: --reason must not be empty").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var verb = conditionType == ConditionTypes.Approved ? "approved" : "denied";
        var choice = apiMode ?? ApiModeChoice.K8sCert;
        try
        {
            var (apis, request) = await choice.GetAsync(client, a => a.CertificateRequests, ns, name, cancellationToken).ConfigureAwait(false);
            if (request is null)
            {
                await stderr.WriteLineAsync(choice.NotFound(ApiGroups.CertificateRequestKind, ns, name)).ConfigureAwait(false);
                return ExitCodes.NotFound;
            }

            foreach (var decided in new[] { ConditionTypes.Approved, ConditionTypes.Denied })
            {
                if (ConditionSet.Find(request.Status?.Conditions, decided) is { } existing)
                {
                    await stderr.WriteLineAsync($"error: CertificateRequest {ns}/{name} is already {decided} ({existing.Reason}); a decision is final").ConfigureAwait(false);
                    return ExitCodes.Failed;
                }
            }

            request.Status ??= new CertificateRequestStatus();
            request.Status.Conditions = ConditionSet.Set(request.Status.Conditions, conditionType, ConditionStatus.True, reason,
                message ?? $"manually {verb} by k8s-cert-operator CLI", null, time.GetUtcNow().UtcDateTime);
            // A PUT with the resourceVersion just read: a concurrent decision makes this a Conflict, not an overwrite.
            await apis.CertificateRequests.ReplaceStatusAsync(request, cancellationToken).ConfigureAwait(false);
            await stdout.WriteLineAsync($"CertificateRequest {ns}/{name} {verb}").ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is Kube.Client.KubeApiException || CliErrors.IsReportable(e, cancellationToken))
        {
            await stderr.WriteLineAsync("error: " + CliErrors.Describe(e)).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }
}
