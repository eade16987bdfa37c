namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>Knobs of the stand-in API server; defaults suit ordinary tests.</summary>
public sealed record StandInOptions
{
    /// <summary>How many change events are kept for watch resumes before older resourceVersions get 410.</summary>
    public int WatchHistoryCapacity { get; init; } = 10_000;

    /// <summary>How often a watch with allowWatchBookmarks=true gets a BOOKMARK when idle (real servers: about a minute).</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Serve HTTPS with this certificate (it must carry its private key) instead of plain HTTP.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? ServerCertificate { get; init; }

    /// <summary>The CA that issued <see cref="ServerCertificate"/>: what clients are told to trust.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? CaCertificate { get; init; }

    /// <summary>When set, every request must carry <c>Authorization: Bearer TOKEN</c> or gets 401, as a real server would.</summary>
    public string? BearerToken { get; init; }
}
