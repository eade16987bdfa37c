namespace K8sCertOperator.Hosting.Http;

/// <summary>
/// Limits of an <see cref="EmbeddedHttpServer"/>, per listener; the defaults suit the HTTP-01 port (probes and
/// scrapes get their own, see <see cref="K8sCertOperator.Hosting.ListenerBudgets"/>).
/// </summary>
public sealed record HttpServerOptions
{
    /// <summary>The listener's name in metrics and logs (http01, metrics, health).</summary>
    public string Name { get; init; } = "http";

    /// <summary>Request line plus headers; a longer head is answered 431.</summary>
    public int MaxHeaderBytes { get; init; } = 8 * 1024;

    /// <summary>
    /// From accept until the request head is complete. A client that connects and says nothing, or dribbles
    /// its head, loses its slot when this runs out. Probes, scrapers and validators send their head at once.
    /// </summary>
    public TimeSpan HeaderTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>For producing and sending the answer once the head is complete (a client that does not read).</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Connections held at once on each endpoint. Accepting never waits: when all are held, the newcomer takes
    /// the slot of the oldest connection without a complete head (<see cref="ConnectionBudgetPolicy"/>).
    /// </summary>
    public int MaxConnections { get; init; } = 128;

    /// <summary>After answering, how much of an unread request body we read and discard before closing.</summary>
    public int MaxDiscardBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// After answering, how long we wait for the client to close its side (and drain what it still
    /// sends). Clients close at once after `Connection: close`; this only bounds those that don't.
    /// </summary>
    public TimeSpan LingerTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Told about accepted, open and dropped connections (the Prometheus counters); null: nobody.</summary>
    public IHttpServerObserver? Observer { get; init; }
}
