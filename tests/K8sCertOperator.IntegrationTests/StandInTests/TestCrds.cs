using k8s.Models;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>CRDs built in code so the stand-in tests do not depend on config/crd/ contents.</summary>
public static class TestCrds
{
    public const string Group = "k8scert.io";
    public const string Version = "v1";
    public const string Plural = "certificates";

    /// <summary>A schemaless Certificate CRD with a status subresource.</summary>
    public static V1CustomResourceDefinition Certificate() => Build(Group, "certificates", "Certificate", "Namespaced");

    public static V1CustomResourceDefinition Build(string group, string plural, string kind, string scope, bool statusSubresource = true) => new()
    {
        ApiVersion = "apiextensions.k8s.io/v1",
        Kind = "CustomResourceDefinition",
        Metadata = new V1ObjectMeta { Name = $"{plural}.{group}" },
        Spec = new V1CustomResourceDefinitionSpec
        {
            Group = group,
            Scope = scope,
            Names = new V1CustomResourceDefinitionNames { Plural = plural, Kind = kind, Singular = kind.ToLowerInvariant(), ListKind = kind + "List" },
            Versions =
            [
                new V1CustomResourceDefinitionVersion
                {
                    Name = "v1",
                    Served = true,
                    Storage = true,
                    Schema = new V1CustomResourceValidation
                    {
                        OpenAPIV3Schema = new V1JSONSchemaProps { Type = "object", XKubernetesPreserveUnknownFields = true },
                    },
                    Subresources = statusSubresource ? new V1CustomResourceSubresources { Status = new object() } : null,
                },
            ],
        },
    };
}
