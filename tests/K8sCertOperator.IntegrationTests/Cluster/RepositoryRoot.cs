namespace K8sCertOperator.IntegrationTests.Cluster;

/// <summary>Locates the repository checkout the tests run from.</summary>
public static class RepositoryRoot
{
    /// <summary>The nearest ancestor of the test binaries that holds K8sCertOperator.sln.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "K8sCertOperator.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"K8sCertOperator.sln not found above {AppContext.BaseDirectory}");
    }

    /// <summary>config/crd/ of the repository (it may not exist yet).</summary>
    public static string CrdDirectory => Path.Combine(Find(), "config", "crd");
}
