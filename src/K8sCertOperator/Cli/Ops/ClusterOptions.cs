using System.CommandLine;
using System.CommandLine.Parsing;
using k8s;

namespace K8sCertOperator.Cli.Ops;

/// <summary>The kubectl-style connection and output flags the cluster commands share.</summary>
public sealed class ClusterOptions
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Kubeconfig file (default: $KUBECONFIG or ~/.kube/config, else in-cluster)" };

    public Option<string?> Context { get; } = new("--context") { Description = "Kubeconfig context to use" };

    public Option<string?> Namespace { get; } = new("--namespace", "-n") { Description = "Namespace (default: the context's, else 'default')" };

    public Option<bool> AllNamespaces { get; } = new("--all-namespaces", "-A") { Description = "Act in every namespace" };

    public Option<string> Output { get; } = new("--output", "-o") { Description = "table | json | yaml", DefaultValueFactory = _ => OutputFormats.Table };

    /// <summary>The API the command acts on; the operator's --api-mode values, plus auto (see <see cref="ApiModeChoice"/>).</summary>
    public Option<ApiModeChoice> ApiMode { get; } = new("--api-mode")
    {
        Description = "API of the objects: k8scert (k8scert.io, default), cert-manager (cert-manager.io), or auto (k8scert.io when the object is there, else cert-manager.io)",
        DefaultValueFactory = _ => ApiModeChoice.K8sCert,
        CustomParser = ParseApiMode,
    };

    /// <summary>Adds the flags; <paramref name="allNamespaces"/> only where "every namespace" makes sense, <paramref name="apiMode"/> on commands that act on the operator's objects.</summary>
    public void AddTo(Command command, bool allNamespaces = false, bool output = true, bool apiMode = false)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Kubeconfig);
        command.Options.Add(Context);
        command.Options.Add(Namespace);
        if (apiMode)
        {
            command.Options.Add(ApiMode);
        }
        if (allNamespaces)
        {
            command.Options.Add(AllNamespaces);
        }
        if (output)
        {
            command.Options.Add(Output);
        }
    }

    /// <summary>The API client and the namespace the command acts in (null with -A).</summary>
    public (IKubernetes Client, string? Namespace) Connect(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var configuration = KubeClientFactory.Configuration(parse.GetValue(Kubeconfig), parse.GetValue(Context));
        var ns = parse.GetValue(AllNamespaces) ? null : parse.GetValue(Namespace) ?? configuration.Namespace ?? "default";
        return (new Kubernetes(configuration), ns);
    }

    private static ApiModeChoice ParseApiMode(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (ApiModeChoice.Find(text) is { } choice)
        {
            return choice;
        }
        result.AddError($"--api-mode: '{text}' is not one of {string.Join(", ", ApiModeChoice.Modes)}");
        return ApiModeChoice.K8sCert;
    }
}
