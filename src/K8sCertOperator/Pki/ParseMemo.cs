using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace K8sCertOperator.Pki;

/// <summary>
/// Remembers the result of a pure parse by a digest of its input bytes. Reconcile passes read the same tls.crt,
/// tls.key and CSR over and over, and each platform parse of a certificate, key or signed request costs 0.1–0.3 ms
/// of OpenSSL work; with the memo equal bytes are parsed once while they are in use. The digest is an HMAC-SHA-256
/// under a key drawn when the process starts, so the memo keeps neither the input nor a plain hash of it (a tls.key
/// is among the inputs). Results must be immutable and hold no key material; failures are not remembered.
/// Two generations bound it: when the young one is full it becomes the old one and the previous old one is dropped,
/// and a hit in the old generation moves the entry back to the young one, so what is in use stays.
/// </summary>
public sealed class ParseMemo<T> where T : class
{
    private readonly object _gate = new();
    private readonly int _generationSize;
    private ConcurrentDictionary<ParseDigest, T> _young = new();
    private ConcurrentDictionary<ParseDigest, T> _old = new();

    /// <param name="capacity">At most this many results are kept (two generations of half as many).</param>
    public ParseMemo(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _generationSize = capacity / 2;
    }

    /// <summary>How many results are remembered now.</summary>
    public int Count => _young.Count + _old.Count;

    public bool TryGet(ParseDigest digest, out T value)
    {
        if (_young.TryGetValue(digest, out value!))
        {
            return true;
        }
        if (_old.TryGetValue(digest, out value!))
        {
            value = Remember(digest, value);
            return true;
        }
        return false;
    }

    /// <summary>Remembers <paramref name="value"/> (or keeps the one another thread stored first) and returns it.</summary>
    public T Remember(ParseDigest digest, T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_young.Count >= _generationSize)
        {
            lock (_gate)
            {
                if (_young.Count >= _generationSize)
                {
                    _old = _young;
                    _young = new();
                }
            }
        }
        return _young.GetOrAdd(digest, value);
    }
}

/// <summary>The 256-bit keyed digest a <see cref="ParseMemo{T}"/> entry is stored under.</summary>
public readonly record struct ParseDigest(UInt128 High, UInt128 Low)
{
    private static readonly byte[] DigestKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>The digest of one input, or of two (each length-prefixed, so ("ab","c") and ("a","bc") differ).</summary>
    public static ParseDigest Of(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second = default)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, DigestKey);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(length, first.Length);
        hmac.AppendData(length);
        hmac.AppendData(first);
        BinaryPrimitives.WriteInt64BigEndian(length, second.Length);
        hmac.AppendData(length);
        hmac.AppendData(second);
        Span<byte> mac = stackalloc byte[32];
        hmac.GetHashAndReset(mac);
        return new ParseDigest(MemoryMarshal.Read<UInt128>(mac), MemoryMarshal.Read<UInt128>(mac[16..]));
    }
}
