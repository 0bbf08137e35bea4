"""Demo content for the site's own pages, in Indonesian with English translations.

Written for this project. Each page is keyed by its Indonesian slug; `en` holds the
English translation's fields.
"""

import datetime

# One consistent, plausible set of city contacts for the whole demo (site settings, contact
# cards, program contacts, accessible channels). SMS 1708 is SP4N-LAPOR!'s national number;
# the others are placeholders an operator replaces in the site settings. Social links stay
# empty: the footer hides what is not set rather than link to a bare platform.
CONTACT = {
    "phone": "0511 477 0000",
    "whatsapp": "0811 5000 1234",
    "sms": "1708",
    "email": "lapor@banjarbarukota.go.id",
    "address": "Jl. Pangeran Suriansyah No. 5, Banjarbaru, Kalimantan Selatan",
    "instagram_url": "",
    "facebook_url": "",
    "youtube_url": "",
}


def rich(text):
    return {"type": "paragraph", "value": text}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def steps(title, items):
    return {
        "type": "steps",
        "value": {
            "heading": title,
            "steps": [{"title": t, "text": f"<p>{d}</p>"} for t, d in items],
        },
    }


def accordion(title, items):
    return {
        "type": "accordion",
        "value": {
            "heading": title,
            "items": [{"question": q, "answer": f"<p>{a}</p>"} for q, a in items],
        },
    }


def table(caption, rows):
    return {
        "type": "table",
        "value": {
            "caption": caption,
            "table": {
                "data": rows,
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "",
            },
        },
    }


def contact_card(name, role, phone, email, address, hours):
    return {
        "type": "contact_card",
        "value": {
            "name": name,
            "role": role,
            "phone": phone,
            "whatsapp": CONTACT["whatsapp"],
            "email": email,
            "address": address,
            "opening_hours": hours,
        },
    }


def quote(text, who):
    return {"type": "quote", "value": {"text": text, "attribution": who}}


HOME = {
    "title": "Beranda",
    "hero_heading": "Sampaikan keluhan dan aspirasi Anda kepada Pemerintah Kota Banjarbaru",
    "hero_text": (
        "LAPOR! adalah layanan pengaduan publik nasional. Laporan Anda diteruskan ke "
        "perangkat daerah yang berwenang dan ditindaklanjuti dalam batas waktu yang jelas."
    ),
    "hero_image_alt": "Ilustrasi warga menyampaikan laporan melalui telepon genggam",
    "en": {
        "title": "Home",
        "hero_heading": "Tell the Banjarbaru City Government about problems and ideas",
        "hero_text": (
            "LAPOR! is Indonesia's national public complaint service. Your report goes to the "
            "responsible city office and is followed up within clear deadlines."
        ),
        "hero_image_alt": "Illustration of a citizen sending a report from a mobile phone",
    },
}

INFORMATION_PAGES = [
    {
        "slug": "cara-melapor",
        "title": "Cara menyampaikan laporan",
        "introduction": (
            "Siapa pun dapat melapor: warga, pelajar, pendatang. Anda boleh melapor dengan nama, "
            "secara rahasia, atau tanpa nama."
        ),
        "body": [
            steps(
                "Langkah melapor",
                [
                    (
                        "Pilih jenis laporan",
                        "Pengaduan, aspirasi, permintaan informasi, atau konsultasi.",
                    ),
                    (
                        "Ceritakan apa yang terjadi",
                        "Tulis kapan, di mana, dan apa yang Anda alami. Lampirkan foto atau dokumen bila ada.",
                    ),
                    (
                        "Pilih cara kami menghubungi Anda",
                        "Telepon, SMS, WhatsApp, atau surel. Sebutkan bila Anda memerlukan bantuan khusus, misalnya juru bahasa isyarat.",
                    ),
                    (
                        "Simpan kode pelacakan",
                        "Setelah laporan terkirim Anda menerima kode untuk mengikuti perkembangan laporan.",
                    ),
                ],
            ),
            accordion(
                "Pertanyaan yang sering diajukan",
                [
                    (
                        "Apakah identitas saya aman?",
                        "Pilih <b>rahasia</b> agar identitas hanya dilihat koordinator pengaduan, atau <b>anonim</b> agar identitas tidak disimpan sama sekali.",
                    ),
                    (
                        "Bagaimana jika keadaan darurat?",
                        "Untuk kebakaran, kecelakaan, atau kejahatan yang sedang terjadi, hubungi 112 atau 110. LAPOR! bukan layanan darurat.",
                    ),
                    (
                        "Bisakah saya melapor tanpa internet?",
                        "Bisa. Datang langsung ke Mal Pelayanan Publik, telepon, atau kirim surat. Petugas akan mencatat laporan Anda.",
                    ),
                ],
            ),
        ],
        "en": {
            "slug": "how-to-report",
            "title": "How to send a report",
            "introduction": (
                "Anyone can report: residents, students, visitors. You can report with your name, "
                "confidentially, or anonymously."
            ),
            "body": [
                steps(
                    "Steps to report",
                    [
                        (
                            "Choose the kind of report",
                            "A complaint, an aspiration, an information request, or a consultation question.",
                        ),
                        (
                            "Say what happened",
                            "Write when, where and what you experienced. Attach photos or documents if you have them.",
                        ),
                        (
                            "Choose how we contact you",
                            "Phone, SMS, WhatsApp or email. Tell us if you need support, for example a sign-language interpreter.",
                        ),
                        (
                            "Keep your tracking code",
                            "When your report is sent you receive a code to follow its progress.",
                        ),
                    ],
                ),
                accordion(
                    "Frequently asked questions",
                    [
                        (
                            "Is my identity safe?",
                            "Choose <b>confidential</b> so only complaint coordinators see who you are, or <b>anonymous</b> so your identity is not stored at all.",
                        ),
                        (
                            "What about emergencies?",
                            "For fires, accidents or crimes in progress call 112 or 110. LAPOR! is not an emergency service.",
                        ),
                        (
                            "Can I report without the internet?",
                            "Yes. Come to the Public Service Mall, phone us or send a letter. Staff will record your report.",
                        ),
                    ],
                ),
            ],
        },
    },
    {
        "slug": "setelah-melapor",
        "title": "Setelah Anda melapor",
        "introduction": "Setiap laporan melewati tahapan yang sama dan setiap tahap memiliki batas waktu.",
        "body": [
            steps(
                "Perjalanan laporan Anda",
                [
                    (
                        "Verifikasi",
                        "Koordinator memeriksa kelengkapan laporan dan kewenangan Pemerintah Kota.",
                    ),
                    ("Disposisi", "Laporan diteruskan ke perangkat daerah yang bertanggung jawab."),
                    ("Tindak lanjut", "Perangkat daerah menangani laporan dan memberi jawaban."),
                    (
                        "Selesai",
                        "Anda dapat menilai jawaban atau mengajukan keberatan bila belum puas.",
                    ),
                ],
            ),
            table(
                "Batas waktu penanganan (hari kerja)",
                [
                    ["Tahap", "Batas waktu"],
                    ["Verifikasi dan disposisi", "3 hari kerja"],
                    ["Tindak lanjut perangkat daerah", "5 hari kerja"],
                    ["Tanggapan balik pelapor", "10 hari kerja"],
                ],
            ),
            rich("<p>Hari libur nasional dan cuti bersama tidak dihitung sebagai hari kerja.</p>"),
        ],
        "en": {
            "slug": "after-you-report",
            "title": "After you report",
            "introduction": "Every report goes through the same stages, and every stage has a deadline.",
            "body": [
                steps(
                    "Your report's journey",
                    [
                        (
                            "Verification",
                            "A coordinator checks that the report is complete and within the city's authority.",
                        ),
                        ("Forwarding", "The report is forwarded to the responsible city office."),
                        ("Follow-up", "The office handles the report and answers it."),
                        ("Closed", "You can rate the answer, or appeal if you are not satisfied."),
                    ],
                ),
                table(
                    "Handling deadlines (working days)",
                    [
                        ["Stage", "Deadline"],
                        ["Verification and forwarding", "3 working days"],
                        ["Follow-up by the city office", "5 working days"],
                        ["Reply from the reporter", "10 working days"],
                    ],
                ),
                rich(
                    "<p>Public holidays and collective leave days are not counted as working days.</p>"
                ),
            ],
        },
    },
    {
        "slug": "pernyataan-aksesibilitas",
        "title": "Pernyataan aksesibilitas",
        "introduction": "Kami ingin situs ini dapat digunakan oleh semua orang, termasuk penyandang disabilitas.",
        "body": [
            rich(
                "<p>Situs ini dapat digunakan dengan papan ketik saja, dengan pembaca layar, di "
                "layar ponsel yang sempit, dan tanpa JavaScript. Anda dapat memperbesar teks dan "
                "memilih kontras tinggi di bagian bawah setiap halaman; pilihan Anda diingat.</p>"
            ),
            heading("Standar yang kami ikuti"),
            rich(
                "<p>Kami menargetkan WCAG 2.2 tingkat AA dan menguji setiap jenis halaman secara otomatis dengan axe-core.</p>"
            ),
            heading("Melaporkan hambatan"),
            rich(
                "<p>Bila Anda menemui hambatan, beri tahu kami melalui telepon, SMS, atau surel di bawah ini. Kami akan menjawab dalam 5 hari kerja.</p>"
            ),
            contact_card(
                "Dinas Komunikasi dan Informatika Kota Banjarbaru",
                "Pengelola situs",
                CONTACT["phone"],
                CONTACT["email"],
                "Jl. Pangeran Suriansyah No. 5, Banjarbaru",
                "Senin-Jumat 08.00-16.00 WITA",
            ),
        ],
        "en": {
            "slug": "accessibility-statement",
            "title": "Accessibility statement",
            "introduction": "We want everyone to be able to use this site, including people with disabilities.",
            "body": [
                rich(
                    "<p>This site works with a keyboard alone, with screen readers, on narrow phone "
                    "screens and without JavaScript. You can enlarge the text and choose high "
                    "contrast at the bottom of every page; your choice is remembered.</p>"
                ),
                heading("Standards we follow"),
                rich(
                    "<p>We aim for WCAG 2.2 level AA and test every page type automatically with axe-core.</p>"
                ),
                heading("Reporting a barrier"),
                rich(
                    "<p>If something stops you using the site, tell us by phone, SMS or email below. We reply within 5 working days.</p>"
                ),
                contact_card(
                    "Banjarbaru City Communication and Informatics Office",
                    "Site owner",
                    CONTACT["phone"],
                    CONTACT["email"],
                    "Jl. Pangeran Suriansyah No. 5, Banjarbaru",
                    "Monday-Friday 08:00-16:00 WITA",
                ),
            ],
        },
    },
]

NEWS_INDEX = {
    "slug": "berita",
    "title": "Berita",
    "introduction": "Kabar terbaru tentang pengelolaan pengaduan di Banjarbaru.",
    "en": {
        "slug": "news",
        "title": "News",
        "introduction": "The latest on complaint handling in Banjarbaru.",
    },
}

NEWS_ARTICLES = [
    {
        "slug": "banjarbaru-enam-besar-nasional-pengelolaan-pengaduan-2022",
        "title": "Banjarbaru masuk enam besar nasional pengelolaan pengaduan 2022",
        "date": datetime.date(2022, 12, 14),
        "summary": (
            "Pemerintah Kota Banjarbaru termasuk enam pemerintah daerah terbaik dalam pengelolaan "
            "pengaduan pelayanan publik tingkat nasional tahun 2022."
        ),
        "tags": ["penghargaan", "sp4n-lapor"],
        "tags_en": ["award", "sp4n-lapor"],
        "source_name": "Diskominfo Kota Banjarbaru",
        "body": [
            rich(
                "<p>Penilaian nasional atas pengelolaan pengaduan pelayanan publik tahun 2022 "
                "menempatkan Kota Banjarbaru di antara enam pemerintah daerah terbaik. Penilaian "
                "melihat seberapa cepat laporan diverifikasi, diteruskan, dan dijawab, serta "
                "bagaimana warga dilibatkan.</p>"
            ),
            rich(
                "<p>Capaian ini lahir dari kerja bersama perangkat daerah yang menjawab laporan tepat "
                "waktu dan dari warga yang terus menyampaikan masukan. Tantangan berikutnya adalah "
                "menjangkau warga yang belum pernah melapor: pelajar, perempuan, dan penyandang "
                "disabilitas.</p>"
            ),
            quote(
                "Setiap laporan adalah kesempatan untuk memperbaiki layanan.",
                "Tim pengelola LAPOR! Banjarbaru",
            ),
        ],
        "en": {
            "slug": "banjarbaru-national-top-six-complaint-management-2022",
            "title": "Banjarbaru among the national top six in complaint management, 2022",
            "summary": (
                "The Banjarbaru City Government was one of the six best local governments in the "
                "country for handling public service complaints in 2022."
            ),
            "body": [
                rich(
                    "<p>The 2022 national assessment of public service complaint handling placed "
                    "Banjarbaru among the six best local governments. It looked at how quickly "
                    "reports were verified, forwarded and answered, and how citizens were involved.</p>"
                ),
                rich(
                    "<p>The result comes from city offices that answer on time and from residents who "
                    "keep speaking up. The next challenge is to reach people who have never reported: "
                    "students, women and people with disabilities.</p>"
                ),
                quote("Every report is a chance to improve a service.", "LAPOR! Banjarbaru team"),
            ],
        },
    },
    {
        "slug": "lapor-goes-to-school-kunjungi-sekolah",
        "title": "Lapor Goes To School mengajak pelajar berani bersuara",
        "date": datetime.date(2026, 9, 3),
        "summary": "Tim LAPOR! mengunjungi sekolah menengah untuk mengenalkan cara melapor yang aman.",
        "tags": ["pelajar", "sosialisasi"],
        "tags_en": ["students", "outreach"],
        "source_name": "Diskominfo Kota Banjarbaru",
        "body": [
            rich(
                "<p>Melalui program Lapor Goes To School, petugas mengajak pelajar mengenali masalah "
                "layanan publik di sekitar mereka, dari lampu jalan yang padam hingga pungutan yang "
                "tidak resmi, dan mempraktikkan cara melapor.</p>"
            ),
        ],
        "en": {
            "slug": "lapor-goes-to-school-visits-schools",
            "title": "Lapor Goes To School encourages students to speak up",
            "summary": "The LAPOR! team visits secondary schools to show students how to report safely.",
            "body": [
                rich(
                    "<p>Through the Lapor Goes To School programme, staff help students spot problems "
                    "with public services around them, from broken street lights to unofficial fees, "
                    "and practise sending a report.</p>"
                ),
            ],
        },
    },
    {
        "slug": "portal-lapor-lebih-mudah-diakses",
        "title": "Portal LAPOR! Banjarbaru kini lebih mudah diakses",
        "date": datetime.date(2026, 11, 20),
        "summary": "Portal baru dapat dipakai di ponsel sederhana, dengan pembaca layar, dan tanpa JavaScript.",
        "tags": ["aksesibilitas", "sp4n-lapor"],
        "tags_en": ["accessibility", "sp4n-lapor"],
        "source_name": "Diskominfo Kota Banjarbaru",
        "body": [
            rich(
                "<p>Portal baru dirancang agar ringan di ponsel murah dan jaringan lambat. Teks dapat "
                "diperbesar, kontras dapat ditingkatkan, dan semua halaman tersedia dalam bahasa "
                "Indonesia dan bahasa Inggris.</p>"
            ),
        ],
        "en": {
            "slug": "lapor-portal-more-accessible",
            "title": "The LAPOR! Banjarbaru portal is now easier to use",
            "summary": "The new portal works on basic phones, with screen readers and without JavaScript.",
            "body": [
                rich(
                    "<p>The new portal is built to be light on cheap phones and slow networks. Text can "
                    "be enlarged, contrast increased, and every page is available in Indonesian and "
                    "English.</p>"
                ),
            ],
        },
    },
]

# The footer's words per language (numbers and the address are in CONTACT).
FOOTER = {
    "id": {
        "organisation": "Pemerintah Kota Banjarbaru",
        "opening_hours": "Senin-Jumat 08.00-16.00 WITA",
        "body": "<p>LAPOR! Banjarbaru dikelola oleh Dinas Komunikasi dan Informatika Kota "
        "Banjarbaru sebagai bagian dari SP4N-LAPOR!. Untuk keadaan darurat hubungi 112.</p>",
    },
    "en": {
        "organisation": "Banjarbaru City Government",
        "opening_hours": "Monday to Friday, 08:00-16:00 WITA",
        "body": "<p>LAPOR! Banjarbaru is run by the Banjarbaru City Communication and "
        "Informatics Office as part of SP4N-LAPOR!. In an emergency call 112.</p>",
    },
}


WORK_UNITS = [
    ("Diskominfo", "Dinas Komunikasi dan Informatika"),
    ("Disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil"),
    ("Dinas PUPR", "Dinas Pekerjaan Umum dan Penataan Ruang"),
    ("Dinkes", "Dinas Kesehatan"),
    ("Dishub", "Dinas Perhubungan"),
    ("Dinsos", "Dinas Sosial"),
    ("Disdik", "Dinas Pendidikan"),
    ("DLH", "Dinas Lingkungan Hidup"),
    (
        "DP3APMP2KB",
        "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pemberdayaan Masyarakat, "
        "Pengendalian Penduduk dan Keluarga Berencana",
    ),
    ("Bapenda", "Badan Pendapatan Daerah"),
    ("Disnaker", "Dinas Tenaga Kerja"),
    ("PDAM", "Perumda Air Minum Intan Banjar"),
    ("Satpol PP", "Satuan Polisi Pamong Praja"),
    ("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
    ("Inspektorat", "Inspektorat Daerah"),
    ("Dinas Perkim", "Dinas Perumahan dan Kawasan Permukiman"),
    ("BPBD", "Badan Penanggulangan Bencana Daerah"),
    ("Diskop UKM", "Dinas Koperasi dan Usaha Kecil Menengah"),
    ("Disperindag", "Dinas Perindustrian dan Perdagangan"),
    ("Kelurahan", "Kelurahan (pemerintah kelurahan setempat)"),
]

# Wagtail creates its default moderation workflow and task with English names; editors see
# them on buttons ("Ajukan ke ...") and in moderation mail.
WORKFLOW_NAMES = {"Moderators approval": "Persetujuan publikasi"}
TASK_NAMES = {"Moderators approval": "Tinjauan moderator"}
