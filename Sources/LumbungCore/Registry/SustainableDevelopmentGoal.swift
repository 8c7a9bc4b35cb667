/// The 17 Sustainable Development Goals, with their official Indonesian names (TPB).
public enum SustainableDevelopmentGoal {
    public static let range = 1...17

    public static let indonesianNames: [Int: String] = [
        1: "Tanpa Kemiskinan", 2: "Tanpa Kelaparan", 3: "Kehidupan Sehat dan Sejahtera",
        4: "Pendidikan Berkualitas", 5: "Kesetaraan Gender", 6: "Air Bersih dan Sanitasi Layak",
        7: "Energi Bersih dan Terjangkau", 8: "Pekerjaan Layak dan Pertumbuhan Ekonomi",
        9: "Industri, Inovasi dan Infrastruktur", 10: "Berkurangnya Kesenjangan",
        11: "Kota dan Permukiman yang Berkelanjutan", 12: "Konsumsi dan Produksi yang Bertanggung Jawab",
        13: "Penanganan Perubahan Iklim", 14: "Ekosistem Lautan", 15: "Ekosistem Daratan",
        16: "Perdamaian, Keadilan dan Kelembagaan yang Tangguh", 17: "Kemitraan untuk Mencapai Tujuan",
    ]

    public static let englishNames: [Int: String] = [
        1: "No Poverty", 2: "Zero Hunger", 3: "Good Health and Well-being", 4: "Quality Education",
        5: "Gender Equality", 6: "Clean Water and Sanitation", 7: "Affordable and Clean Energy",
        8: "Decent Work and Economic Growth", 9: "Industry, Innovation and Infrastructure",
        10: "Reduced Inequalities", 11: "Sustainable Cities and Communities",
        12: "Responsible Consumption and Production", 13: "Climate Action", 14: "Life Below Water",
        15: "Life on Land", 16: "Peace, Justice and Strong Institutions", 17: "Partnerships for the Goals",
    ]
}
