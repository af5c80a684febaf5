package io.tessera.executor.sink;

import java.util.ArrayList;
import java.util.List;

/**
 * A version 1 object header: a 16-byte prefix (version, message count, reference count, size of
 * the messages, 4 bytes of padding) followed by the messages, each an 8-byte message header and its
 * data padded to a multiple of 8 bytes (libhdf5 rejects unaligned version 1 messages). The header is
 * exactly as long as its messages, so no null message fills a gap.
 */
final class Hdf5ObjectHeader {
    /** Message flag: the message never changes (libhdf5 marks datatype and fill value messages so). */
    static final int CONSTANT = 0x01;

    private record Message(int type, int flags, byte[] data) {
    }

    private final List<Message> messages = new ArrayList<>();

    /** Adds a message; its data is padded here to a multiple of 8 bytes. */
    Hdf5ObjectHeader add(int type, int flags, Hdf5Bytes data) {
        data.padTo(8);
        messages.add(new Message(type, flags, data.toArray()));
        return this;
    }

    /** The encoded header, ready to be written at any address. */
    Hdf5Bytes encode() {
        int messageBytes = 0;
        for (Message message : messages) {
            messageBytes += 8 + message.data.length;
        }
        Hdf5Bytes out = new Hdf5Bytes(16 + messageBytes);
        out.u8(1).u8(0).u16(messages.size()).u32(1).u32(messageBytes).zeros(4);
        for (Message message : messages) {
            out.u16(message.type).u16(message.data.length).u8(message.flags).zeros(3).bytes(message.data);
        }
        return out;
    }
}
