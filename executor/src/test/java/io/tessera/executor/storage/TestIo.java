package io.tessera.executor.storage;

import io.tessera.executor.Block;
import io.tessera.executor.DType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Inflater;

/** An IoContext for one thread: fresh buffers each call, and a count of the bytes read. */
public final class TestIo implements IoContext {
    private final Inflater inflater = new Inflater();
    private final AtomicLong bytesRead = new AtomicLong();

    @Override
    public ByteBuffer rawBuffer(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public ByteBuffer scratchBuffer(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public Inflater inflater() {
        return inflater;
    }

    @Override
    public Block allocate(DType dtype, int[] shape) {
        return Block.allocate(dtype, shape);
    }

    @Override
    public void bytesRead(ArraySource source, long bytes) {
        bytesRead.addAndGet(bytes);
    }

    @Override
    public void checkCancelled() {
    }

    /** Bytes that sources reported reading through this context. */
    public long bytesRead() {
        return bytesRead.get();
    }
}
