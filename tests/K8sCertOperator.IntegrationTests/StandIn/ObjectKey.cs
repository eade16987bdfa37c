namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>Where an object is stored: version-independent, as the real server stores one copy per resource.</summary>
public readonly record struct ObjectKey(string Group, string Plural, string Namespace, string Name)
{
    public static ObjectKey For(ResourceType type, string? ns, string name) =>
        new(type.Group, type.Plural, type.Namespaced ? ns ?? "" : "", name);

    public override string ToString() =>
        $"{(Group.Length == 0 ? "core" : Group)}/{Plural}/{(Namespace.Length == 0 ? "" : Namespace + "/")}{Name}";
}
