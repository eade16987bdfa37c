using System.Reflection;

namespace K8sCertOperator.IntegrationTests.EndToEnd;

/// <summary>
/// The operator project's own build output directory (set by this project's csproj). Started from
/// there, the operator finds every assembly its deps.json names, as it does when published.
/// </summary>
public static class OperatorBuildOutput
{
    public static string Directory { get; } = typeof(OperatorBuildOutput).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "OperatorBuildOutput").Value!;
}
