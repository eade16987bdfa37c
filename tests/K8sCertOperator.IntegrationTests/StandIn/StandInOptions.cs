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
}
