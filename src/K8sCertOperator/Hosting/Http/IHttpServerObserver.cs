namespace K8sCertOperator.Hosting.Http;

/// <summary>
/// What an <see cref="EmbeddedHttpServer"/> reports about its connections, per listener name (http01, metrics,
/// health). Implemented by the Prometheus metrics; called on the accept loop and connection paths, so it must not block.
/// </summary>
public interface IHttpServerObserver
{
    /// <summary>A listener with this name started; lets the observer publish its series at zero.</summary>
    void ListenerStarted(string listener);

    /// <summary>A socket was accepted (admitted or not).</summary>
    void ConnectionAccepted(string listener);

    /// <summary>A connection took a slot (<paramref name="delta"/> 1) or gave it up (-1).</summary>
    void OpenConnectionsChanged(string listener, int delta);

    /// <summary>A connection was closed without an answer.</summary>
    void ConnectionDropped(string listener, ConnectionDropReason reason);
}
