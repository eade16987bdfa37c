using System.CommandLine;
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

    /// <summary>Adds the flags; <paramref name="allNamespaces"/> only where "every namespace" makes sense.</summary>
    public void AddTo(Command command, bool allNamespaces = false, bool output = true)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Kubeconfig);
        command.Options.Add(Context);
        command.Options.Add(Namespace);
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
}
