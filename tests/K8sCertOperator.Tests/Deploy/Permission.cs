namespace K8sCertOperator.Tests.Deploy;

/// <summary>One RBAC grant: scope ("cluster" for the ClusterRole, "namespace" for the operator-namespace Role), group, resource[/subresource], verb.</summary>
internal sealed record Permission(string Scope, string Group, string Resource, string Verb)
{
    public const string Cluster = "cluster";
    public const string Namespaced = "namespace";

    public override string ToString() => $"{Scope}: {(Group.Length == 0 ? "core" : Group)}/{Resource} {Verb}";
}
