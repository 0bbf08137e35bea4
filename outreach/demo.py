"""Demo content for the outreach programs, in Indonesian with English translations.

Written for this project; referral numbers are the real national ones (SAPA 129); city
contacts come from the one demo contact set in site_core.
"""

from site_core.demo.content import CONTACT
from site_core.demo.easy_read import GETTING_HELP, HOW_TO_REPORT


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


INDEX = {
    "slug": "program",
    "title": "Program Penjangkauan",
    "introduction": "LAPOR! datang ke sekolah, kampus, dan komunitas agar setiap warga tahu "
    "cara menyampaikan pengaduan.",
    "en": {
        "title": "Outreach programs",
        "slug": "programs",
        "introduction": "LAPOR! visits schools, campuses and communities so that every "
        "resident knows how to make a complaint.",
    },
}

REFERRALS_ID = {
    "type": "referral_services",
    "value": {
        "heading": "Tempat meminta pertolongan",
        "services": [
            {
                "name": "SAPA 129 (Kementerian PPPA)",
                "description": "Layanan pengaduan kekerasan terhadap perempuan dan anak.",
                "phone": "129",
                "whatsapp": "08111 129 129",
                "url": "",
                "hours": "24 jam",
            },
            {
                "name": "UPTD PPA Kota Banjarbaru",
                "description": "Pendampingan korban, konseling, dan rujukan hukum. Datang "
                "langsung pada jam kerja, atau minta dirujuk melalui SAPA 129.",
                "phone": "",
                "whatsapp": "",
                "url": "",
                "hours": "Senin-Jumat 08.00-16.00 WITA",
            },
        ],
    },
}
REFERRALS_EN = {
    "type": "referral_services",
    "value": {
        "heading": "Where to get help",
        "services": [
            {
                "name": "SAPA 129 (Ministry of Women's Empowerment and Child Protection)",
                "description": "Reports of violence against women and children.",
                "phone": "129",
                "whatsapp": "08111 129 129",
                "url": "",
                "hours": "24 hours",
            },
            {
                "name": "UPTD PPA Banjarbaru",
                "description": "Support for survivors, counselling and legal referral. Walk "
                "in during office hours, or ask SAPA 129 to refer you.",
                "phone": "",
                "whatsapp": "",
                "url": "",
                "hours": "Monday-Friday 08:00-16:00 WITA",
            },
        ],
    },
}


def channels(heading_text, rows):
    return {
        "type": "accessible_channels",
        "value": {
            "heading": heading_text,
            "channels": [
                {"name": n, "how": h, "without_sight": s, "without_hearing": he}
                for n, h, s, he in rows
            ],
        },
    }


PROGRAMS = [
    {
        "slug": "lapor-goes-to-school",
        "kind": "school",
        "title": "Lapor Goes To School",
        "introduction": "Sesi interaktif di sekolah: siswa belajar hak atas pelayanan publik "
        "dan cara melapor.",
        "aims": "<p>Mengenalkan SP4N-LAPOR! kepada pelajar dan guru sejak dini.</p>",
        "audience_text": "<p>SD/MI, SMP/MTs, SMA/MA dan SMK di Kota Banjarbaru.</p>",
        "how_to_join": "<p>Sekolah mengisi formulir permintaan sesi dengan tiga pilihan "
        "tanggal. Kami membalas dalam lima hari kerja.</p>",
        "contact_name": "Tim Pengelola SP4N-LAPOR! Diskominfo",
        "contact_email": CONTACT["email"],
        "contact_phone": CONTACT["phone"],
        "body": [],
        "en": {
            "title": "Lapor Goes To School",
            "introduction": "Interactive sessions at school: students learn their right to "
            "public services and how to report.",
            "aims": "<p>Introduce SP4N-LAPOR! to students and teachers early.</p>",
            "audience_text": "<p>Primary, junior and senior high schools in Banjarbaru.</p>",
            "how_to_join": "<p>Schools fill in the request form with three date choices. We "
            "reply within five working days.</p>",
            "body": [],
        },
        "events": [
            {
                "slug": "sosialisasi-sman-1",
                "title": "Sosialisasi LAPOR! untuk OSIS se-Banjarbaru",
                "en_title": "LAPOR! session for student councils",
                "summary": (
                    "Pengurus OSIS belajar menerima keluhan teman dan meneruskannya lewat LAPOR!."
                ),
                "en_summary": (
                    "Student council members learn to take their "
                    "classmates' complaints and pass them on through LAPOR!."
                ),
                "days": 12,
                "venue": "Aula SMAN 1 Banjarbaru",
                "kecamatan": "banjarbaru-utara",
                "audience": "students",
                "capacity": 80,
            },
            {
                "slug": "sesi-smpn-4",
                "title": "Lapor Goes To School: SMPN 4 Banjarbaru",
                "en_title": "Lapor Goes To School: SMPN 4 Banjarbaru",
                "summary": "Siswa kelas 8 mencoba mengirim laporan dan melacaknya dengan kode.",
                "en_summary": (
                    "Year 8 students try sending a report and following it with its code."
                ),
                "days": -40,
                "venue": "SMPN 4 Banjarbaru",
                "kecamatan": "landasan-ulin",
                "audience": "students",
                "capacity": 150,
                "held": 142,
                "npsn": "30304321",
            },
        ],
    },
    {
        "slug": "duta-lapor",
        "kind": "ambassador",
        "title": "Duta Lapor",
        "introduction": "Anak muda yang mengajak teman sebaya menyampaikan pengaduan secara "
        "santun dan berdampak.",
        "aims": "<p>Membentuk jejaring duta muda di setiap kecamatan.</p>",
        "audience_text": "<p>Pelajar, mahasiswa dan pemuda komunitas berusia 15-25 tahun.</p>",
        "how_to_join": "<p>Isi formulir pendaftaran selama masa pendaftaran dibuka. Pendaftar "
        "di bawah 18 tahun memerlukan persetujuan orang tua atau wali.</p>",
        "min_age": 15,
        "max_age": 25,
        "open_days": (-5, 40),
        "body": [],
        "en": {
            "title": "Duta Lapor (ambassadors)",
            "introduction": "Young people who encourage their peers to report politely and "
            "effectively.",
            "aims": "<p>Build a network of young ambassadors in every district.</p>",
            "audience_text": "<p>Students and young community members aged 15-25.</p>",
            "how_to_join": "<p>Fill in the application form while applications are open. "
            "Applicants under 18 need a parent's or guardian's consent.</p>",
            "body": [],
        },
        "events": [
            {
                "slug": "pembekalan-duta",
                "title": "Pembekalan Duta Lapor angkatan 2027",
                "en_title": "Duta Lapor induction 2027",
                "summary": (
                    "Hari pertama duta baru: hak warga, cara melapor, dan cara mendampingi teman."
                ),
                "en_summary": (
                    "New ambassadors' first day: citizens' rights, how "
                    "to report and how to support a friend."
                ),
                "days": 30,
                "venue": "Ruang Rapat Diskominfo",
                "kecamatan": "banjarbaru-selatan",
                "audience": "youth",
                "capacity": 40,
            }
        ],
    },
    {
        "slug": "lapor-peduli-gender",
        "kind": "gender",
        "title": "Lapor Peduli Gender",
        "introduction": "Pengaduan yang aman dan rahasia bagi perempuan dan siapa pun yang "
        "mengalami kekerasan atau diskriminasi berbasis gender.",
        "aims": "<p>Memastikan setiap pelapor terlindungi dan mendapat rujukan.</p>",
        "audience_text": "<p>Perempuan, anak, dan siapa pun yang mengalami kekerasan berbasis "
        "gender.</p>",
        "how_to_join": "",
        "body": [
            heading("Melapor dengan aman"),
            paragraph(
                "<ul><li>Gunakan perangkat yang tidak dipakai pelaku.</li><li>Pilih laporan "
                "rahasia: identitas Anda hanya dilihat koordinator.</li><li>Tekan tombol "
                "<b>Keluar dari halaman ini</b> atau tekan Shift tiga kali untuk meninggalkan "
                "situs dengan cepat.</li></ul>"
            ),
            REFERRALS_ID,
        ],
        "en": {
            "title": "Lapor Peduli Gender",
            "introduction": "Safe, confidential reporting for women and anyone facing "
            "gender-based violence or discrimination.",
            "aims": "<p>Make sure everyone who reports is protected and referred.</p>",
            "audience_text": "<p>Women, children and anyone facing gender-based violence.</p>",
            "how_to_join": "",
            "body": [
                heading("Reporting safely"),
                paragraph(
                    "<ul><li>Use a device the abuser does not use.</li><li>Choose a "
                    "confidential report: only coordinators see who you are.</li><li>Press "
                    "<b>Exit this page</b> or press Shift three times to leave quickly.</li>"
                    "</ul>"
                ),
                REFERRALS_EN,
            ],
        },
        "events": [
            {
                "slug": "diskusi-perempuan-berani-lapor",
                "title": "Diskusi: Perempuan Berani Lapor",
                "en_title": "Discussion: women who dare to report",
                "summary": (
                    "Diskusi santai tentang rasa aman saat "
                    "melaporkan kekerasan, bersama pendamping UPTD PPA."
                ),
                "en_summary": (
                    "An informal talk about feeling safe "
                    "when reporting violence, with UPTD PPA counsellors."
                ),
                "days": 18,
                "venue": "Aula Kecamatan Cempaka",
                "kecamatan": "cempaka",
                "audience": "women",
                "capacity": 60,
            }
        ],
    },
    {
        "slug": "lapor-peduli-difabel",
        "kind": "disability",
        "title": "Lapor Peduli Difabel",
        "introduction": "Setiap orang bisa melapor, dengan cara yang cocok untuknya.",
        "aims": "<p>Menghapus hambatan bagi penyandang disabilitas untuk melapor.</p>",
        "audience_text": "<p>Penyandang disabilitas, keluarga dan pendamping.</p>",
        "how_to_join": "",
        "body": [
            HOW_TO_REPORT["id"],
            GETTING_HELP["id"],
            channels(
                "Kanal tanpa penglihatan atau pendengaran",
                [
                    ("Telepon " + CONTACT["phone"], "Bicara langsung dengan petugas.", True, False),
                    (
                        "SMS " + CONTACT["sms"],
                        "Ketik laporan dan kirim ke " + CONTACT["sms"] + ".",
                        False,
                        True,
                    ),
                    (
                        "WhatsApp " + CONTACT["whatsapp"],
                        "Pesan teks, pesan suara, atau video isyarat.",
                        True,
                        True,
                    ),
                    ("Situs web", "Formulir dapat dibaca pembaca layar.", True, True),
                ],
            ),
            {
                "type": "assisted_reporting",
                "value": {
                    "heading": "Butuh bantuan melapor?",
                    "text": "Kami bisa menelepon, melakukan panggilan video dengan juru bahasa "
                    "isyarat, atau berkunjung.",
                },
            },
        ],
        "en": {
            "title": "Lapor Peduli Difabel",
            "introduction": "Everyone can report, in the way that suits them.",
            "aims": "<p>Remove the barriers people with disabilities face when reporting.</p>",
            "audience_text": "<p>People with disabilities, families and carers.</p>",
            "how_to_join": "",
            "body": [
                HOW_TO_REPORT["en"],
                GETTING_HELP["en"],
                channels(
                    "Channels without sight or hearing",
                    [
                        ("Phone " + CONTACT["phone"], "Talk to an officer.", True, False),
                        (
                            "SMS " + CONTACT["sms"],
                            "Type your report and send it to " + CONTACT["sms"] + ".",
                            False,
                            True,
                        ),
                        (
                            "WhatsApp " + CONTACT["whatsapp"],
                            "Text, voice message or sign-language video.",
                            True,
                            True,
                        ),
                        ("Website", "The forms work with screen readers.", True, True),
                    ],
                ),
                {
                    "type": "assisted_reporting",
                    "value": {
                        "heading": "Need help to report?",
                        "text": "We can call you, make a video call with a sign-language "
                        "interpreter, or visit you.",
                    },
                },
            ],
        },
        "events": [
            {
                "slug": "kelas-lapor-isyarat",
                "title": "Kelas melapor dengan bahasa isyarat",
                "en_title": "How to report, in sign language",
                "summary": (
                    "Juru bahasa isyarat memandu cara melapor "
                    "lewat WhatsApp video dan formulir web."
                ),
                "en_summary": (
                    "A sign-language interpreter shows how to report "
                    "by WhatsApp video and the web form."
                ),
                "days": 22,
                "venue": "Gedung PKK Banjarbaru",
                "kecamatan": "banjarbaru-selatan",
                "audience": "disability",
                "capacity": 30,
                "sign": True,
            },
            {
                "slug": "temu-komunitas-difabel",
                "title": "Temu komunitas difabel",
                "en_title": "Disability community meeting",
                "summary": (
                    "Komunitas difabel menyampaikan hambatan layanan kota langsung kepada petugas."
                ),
                "en_summary": (
                    "Disability groups tell officers directly about barriers in city services."
                ),
                "days": -60,
                "venue": "Balai Kota Banjarbaru",
                "kecamatan": "banjarbaru-utara",
                "audience": "disability",
                "capacity": 50,
                "held": 37,
                "sign": True,
            },
        ],
    },
]

REVIEW_CRITERIA = [
    ("Motivasi", "Alasan mendaftar dan kesungguhan.", 5),
    ("Pengalaman organisasi", "Kegiatan yang relevan.", 5),
    ("Kemampuan komunikasi", "Menyampaikan pesan dengan jelas.", 5),
]
