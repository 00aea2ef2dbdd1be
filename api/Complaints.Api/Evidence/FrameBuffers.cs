using System.Runtime.InteropServices;

namespace Complaints.Api.Evidence;

/// <summary>
/// Native memory for decoded photos (<see cref="JpegReencoder"/>): at most one frame per concurrent decode is kept between
/// decodes, and all are freed when uploads go quiet (<see cref="ImageSanitizer"/>'s trim). Reuse is the point: a fresh
/// 36 MB block for a 12 MP photo is a fresh mapping (<see cref="NativeHeap"/>), and the kernel faults in and zeroes each of
/// its ~9,000 pages, which cost as much as decoding the photo a second time for its thumbnail. A frame in use is covered by
/// its decode's reservation (3 bytes a pixel against the estimate's 4); the kept ones, at most 2 × 48 MB (4096 × 4096 RGB),
/// are outside the budget only between the decodes of a burst.
/// </summary>
internal sealed class FrameBuffers(int keep) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Stack<Frame> _free = new();

    /// <summary>A frame of at least <paramref name="bytes"/>; give it back with <see cref="Return"/> once no image uses it.</summary>
    public Frame Rent(long bytes)
    {
        Frame? kept;
        lock (_lock)
        {
            _free.TryPop(out kept);
        }

        if (kept is not null && kept.Capacity >= bytes)
        {
            return kept;
        }

        kept?.Free();
        return Frame.Allocate(bytes);
    }

    public void Return(Frame frame)
    {
        lock (_lock)
        {
            if (_free.Count < keep)
            {
                _free.Push(frame);
                return;
            }
        }

        frame.Free();
    }

    /// <summary>Frees every kept frame (uploads have gone quiet).</summary>
    public void Trim()
    {
        lock (_lock)
        {
            while (_free.TryPop(out var frame))
            {
                frame.Free();
            }
        }
    }

    public void Dispose() => Trim();

    internal sealed class Frame
    {
        private Frame(IntPtr pointer, long capacity)
        {
            Pointer = pointer;
            Capacity = capacity;
        }

        public long Capacity { get; }

        /// <summary>malloc'd memory (AllocHGlobal is malloc on Unix), not touched until a photo is decoded into it.</summary>
        public IntPtr Pointer { get; private set; }

        public static Frame Allocate(long bytes) => new(Marshal.AllocHGlobal((nint)bytes), bytes);

        public void Free()
        {
            Marshal.FreeHGlobal(Pointer);
            Pointer = IntPtr.Zero;
        }
    }
}
