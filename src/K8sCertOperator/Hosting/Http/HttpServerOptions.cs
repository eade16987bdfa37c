namespace K8sCertOperator.Hosting.Http;

/// <summary>Limits of an <see cref="EmbeddedHttpServer"/>; the defaults suit probes, scrapes and ACME validators.</summary>
public sealed record HttpServerOptions
{
    /// <summary>Request line plus headers; a longer head is answered 431.</summary>
    public int MaxHeaderBytes { get; init; } = 8 * 1024;

    /// <summary>
    /// Budget for receiving the whole request head, and again for sending the response. A client
    /// that connects and says nothing (or trickles) is dropped when it runs out.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Connections served at once; further ones wait in the kernel's accept backlog.</summary>
    public int MaxConnections { get; init; } = 64;

    /// <summary>After answering, how much of an unread request body we read and discard before closing.</summary>
    public int MaxDiscardBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// After answering, how long we wait for the client to close its side (and drain what it still
    /// sends). Clients close at once after `Connection: close`; this only bounds those that don't.
    /// </summary>
    public TimeSpan LingerTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
