"""Easy-read demo content: how to report and how to get help, in short sentences with one
idea each, and a pictogram per line (the pictogram's label is its text alternative).

Written for this project, following common easy-read practice: plain words, one idea per
line, the reader addressed as "you", numbers written as digits."""

from .content import CONTACT


def easy_read(heading, lines):
    return {
        "type": "easy_read",
        "value": {
            "heading": heading,
            "items": [
                {"pictogram": pictogram, "image": None, "alt_text": "", "text": text}
                for pictogram, text in lines
            ],
        },
    }


HOW_TO_REPORT = {
    "id": easy_read(
        "Cara melapor",
        [
            ("person", "Anda boleh melapor."),
            ("answer", "Melapor itu gratis."),
            ("web", "Anda bisa melapor lewat situs ini."),
            ("phone", f"Anda juga bisa menelepon {CONTACT['phone']}."),
            ("sign", f"Anda bisa mengirim video bahasa isyarat ke WhatsApp {CONTACT['whatsapp']}."),
            ("write", "Tulis apa yang terjadi."),
            ("place", "Tulis di mana kejadiannya."),
            ("send", "Tekan tombol Kirim laporan."),
            ("code", "Anda mendapat kode laporan."),
            ("code", "Simpan kode itu."),
            ("wait", "Kami menjawab dalam beberapa hari kerja."),
            ("answer", "Dengan kode itu Anda bisa melihat jawaban kami."),
        ],
    ),
    "en": easy_read(
        "How to report",
        [
            ("person", "You can report."),
            ("answer", "Reporting is free."),
            ("web", "You can report on this website."),
            ("phone", f"You can also call {CONTACT['phone']}."),
            ("sign", f"You can send a sign-language video to WhatsApp {CONTACT['whatsapp']}."),
            ("write", "Write what happened."),
            ("place", "Write where it happened."),
            ("send", "Press the Send report button."),
            ("code", "You get a report code."),
            ("code", "Keep the code."),
            ("wait", "We answer within a few working days."),
            ("answer", "With the code you can see our answer."),
        ],
    ),
}

GETTING_HELP = {
    "id": easy_read(
        "Cara mendapat bantuan",
        [
            ("help", "Anda boleh minta bantuan untuk melapor."),
            ("phone", "Kami bisa menelepon Anda."),
            ("sign", "Kami bisa datang dengan juru bahasa isyarat."),
            ("place", "Kami bisa datang ke rumah Anda."),
            ("person", "Anda boleh membawa teman atau keluarga."),
            ("safe", "Laporan Anda kami jaga."),
            ("safe", "Anda boleh melapor tanpa nama."),
            ("phone", "Dalam keadaan darurat, telepon 112."),
        ],
    ),
    "en": easy_read(
        "How to get help",
        [
            ("help", "You can ask for help to report."),
            ("phone", "We can call you."),
            ("sign", "We can come with a sign-language interpreter."),
            ("place", "We can visit you at home."),
            ("person", "You can bring a friend or family member."),
            ("safe", "We keep your report safe."),
            ("safe", "You can report without your name."),
            ("phone", "In an emergency, call 112."),
        ],
    ),
}
